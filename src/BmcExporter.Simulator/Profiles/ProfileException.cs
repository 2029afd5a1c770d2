namespace BmcExporter.Simulator.Profiles;

/// <summary>A profile or fault file that cannot be used; the message names the file and the key or line at fault.</summary>
public sealed class ProfileException : Exception
{
    public ProfileException(string message)
        : base(message)
    {
    }

    public ProfileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ProfileException()
    {
    }
}

/// <summary>Collects every validation problem of one file so a user sees them all at once.</summary>
internal sealed class ProfileErrors(string source)
{
    private readonly List<string> _errors = [];

    public void Add(string path, string message) => _errors.Add($"{path}: {message}");

    public void ThrowIfAny()
    {
        if (_errors.Count > 0)
        {
            throw new ProfileException($"{source}: {_errors.Count} error(s):{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", _errors));
        }
    }

    public T Require<T>(T? value, string path)
        where T : struct
    {
        if (value is null)
        {
            Add(path, "is required");
            return default;
        }

        return value.Value;
    }

    public string Require(string? value, string path)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(path, "is required");
            return "";
        }

        return value;
    }

    public int Range(int? value, int min, int max, int fallback, string path)
    {
        if (value is null)
        {
            return fallback;
        }

        if (value < min || value > max)
        {
            Add(path, $"must be between {min} and {max}, got {value}");
            return fallback;
        }

        return value.Value;
    }

    public double Range(double? value, double min, double max, double fallback, string path)
    {
        if (value is null)
        {
            return fallback;
        }

        if (value < min || value > max || double.IsNaN(value.Value))
        {
            Add(path, $"must be between {min} and {max}, got {value}");
            return fallback;
        }

        return value.Value;
    }
}
