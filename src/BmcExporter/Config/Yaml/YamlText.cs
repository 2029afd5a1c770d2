using System.Buffers;
using System.Text.Unicode;
using YamlDotNet.Core;

namespace BmcExporter.Config.Yaml;

/// <summary>
/// Reads a file as strict UTF-8 text. Invalid bytes are an error naming the line of the first one (the default
/// decoders replace them silently, so a Latin-1 password would load as something else); a UTF-8 byte order mark
/// is dropped; a UTF-16 one is recognised and named.
/// </summary>
internal static class YamlText
{
    /// <summary>Reads at most <paramref name="maxBytes"/> bytes of <paramref name="path"/>; <c>null</c> (and an error) when it cannot.</summary>
    public static byte[]? ReadFile(string path, int maxBytes, ConfigDiagnostics diagnostics, string what)
    {
        try
        {
            // Bounded even for files that report no length (/proc) or never end (/dev/zero): a glob can match any file.
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var content = new MemoryStream();
            var chunk = new byte[64 * 1024];
            for (int n; (n = stream.Read(chunk)) > 0 && content.Length <= maxBytes;)
            {
                content.Write(chunk, 0, n);
            }

            if (content.Length > maxBytes)
            {
                diagnostics.FileError($"{what} is larger than {(maxBytes >= 1 << 20 ? $"{maxBytes >> 20} MiB" : $"{maxBytes} bytes")}");
                return null;
            }

            return content.ToArray();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            diagnostics.FileError(ex switch
            {
                FileNotFoundException or DirectoryNotFoundException => $"{what} does not exist",
                UnauthorizedAccessException => $"{what} is not readable by this user",
                _ => $"{what} cannot be read ({ex.GetType().Name})",
            });
            return null;
        }
    }

    /// <summary>Decodes <paramref name="bytes"/>; <c>null</c> (and an error) when they are not UTF-8.</summary>
    public static string? Decode(ReadOnlySpan<byte> bytes, ConfigDiagnostics diagnostics, string what)
    {
        if (bytes is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..])
        {
            diagnostics.Error(new Mark(0, 1, 1), string.Empty, $"{what} is UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8");
            return null;
        }

        bytes = bytes is [0xEF, 0xBB, 0xBF, ..] ? bytes[3..] : bytes;
        var chars = new char[bytes.Length];
        if (Utf8.ToUtf16(bytes, chars, out var read, out var written, replaceInvalidSequences: false) == OperationStatus.Done)
        {
            return new string(chars, 0, written);
        }

        var line = bytes[..read].Count((byte)'\n') + 1;
        var column = read - bytes[..read].LastIndexOf((byte)'\n');
        diagnostics.Error(new Mark(read, line, column), string.Empty, $"{what} is not valid UTF-8 (byte 0x{bytes[read]:X2}); save it as UTF-8");
        return null;
    }
}
