using System.Net;

namespace BmcExporter.Redfish.Errors;

/// <summary>
/// Base of every error the Redfish client raises. Messages name the BMC (host:port), the resource and the setting
/// to change; never a password or a session token.
/// </summary>
public abstract class RedfishException : Exception
{
    protected RedfishException(string target, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Target = target;
    }

    /// <summary>The BMC as host:port.</summary>
    public string Target { get; }
}

/// <summary>
/// The service answered something that is not a valid Redfish document: malformed or truncated JSON, a wrong
/// Content-Type, a property of the wrong type, a body over the size limit, a collection that never ends.
/// </summary>
public sealed class RedfishProtocolException : RedfishException
{
    public RedfishProtocolException(string target, string resource, string message, Exception? innerException = null)
        : base(target, $"Redfish {target} {resource}: {message}", innerException)
    {
        Resource = resource;
    }

    /// <summary>The resource path at fault.</summary>
    public string Resource { get; }
}

/// <summary>
/// The service answered with an HTTP error status. <see cref="Error"/> carries the Redfish error object and its
/// <c>@Message.ExtendedInfo</c> messages when the body had one (DSP0266 §9.7.2).
/// </summary>
public class RedfishHttpException : RedfishException
{
    public RedfishHttpException(string target, string method, string resource, HttpStatusCode status, RedfishError? error, string? hint = null)
        : base(target, Describe(target, method, resource, status, error, hint))
    {
        Resource = resource;
        StatusCode = status;
        Error = error;
    }

    public string Resource { get; }

    public HttpStatusCode StatusCode { get; }

    /// <summary>The decoded error body, or null when there was none or it was not a Redfish error.</summary>
    public RedfishError? Error { get; }

    private static string Describe(string target, string method, string resource, HttpStatusCode status, RedfishError? error, string? hint)
    {
        var text = $"Redfish {target} {method} {resource}: HTTP {(int)status} {status}";
        if (error is not null)
        {
            text += $": {error}";
        }

        return hint is null ? text : $"{text} ({hint})";
    }
}

/// <summary>The account was refused (401 on session login or with Basic, or 401 again right after a re-login).</summary>
public sealed class RedfishAuthenticationException : RedfishHttpException
{
    public RedfishAuthenticationException(string target, string method, string resource, HttpStatusCode status, RedfishError? error)
        : base(target, method, resource, status, error, "check the user name and password of this module")
    {
    }
}

/// <summary>The BMC's certificate was not trusted; the message says why and names ca_file / insecure.</summary>
public sealed class RedfishTlsException : RedfishException
{
    public RedfishTlsException(string target, string message, Exception? innerException = null)
        : base(target, message, innerException)
    {
    }
}

/// <summary>The connection could not be made or broke (refused, reset, DNS).</summary>
public sealed class RedfishConnectionException : RedfishException
{
    public RedfishConnectionException(string target, string message, Exception? innerException = null)
        : base(target, message, innerException)
    {
    }
}

/// <summary>One exchange took longer than <see cref="RedfishClientOptions.RequestTimeout"/>; the message names the setting.</summary>
public sealed class RedfishTimeoutException : RedfishException
{
    public RedfishTimeoutException(string target, string message, Exception? innerException = null)
        : base(target, message, innerException)
    {
    }
}
