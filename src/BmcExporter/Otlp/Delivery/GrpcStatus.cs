using System.Globalization;
using BmcExporter.Otlp.Proto.Rpc;
using Google.Protobuf;

namespace BmcExporter.Otlp.Delivery;

/// <summary>
/// gRPC status codes and how OTLP treats them (OTLP specification, "OTLP/gRPC Throttling" and "Failures"):
/// CANCELLED, DEADLINE_EXCEEDED, ABORTED, OUT_OF_RANGE, UNAVAILABLE and DATA_LOSS are retryable;
/// RESOURCE_EXHAUSTED only when the server sent RetryInfo; everything else is permanent.
/// </summary>
internal static class GrpcStatus
{
    public const int Ok = 0;
    public const int Cancelled = 1;
    public const int DeadlineExceeded = 4;
    public const int ResourceExhausted = 8;
    public const int Aborted = 10;
    public const int OutOfRange = 11;
    public const int Unavailable = 14;
    public const int DataLoss = 15;

    private const string RetryInfoType = "type.googleapis.com/google.rpc.RetryInfo";

    /// <summary>The outcome for a non-OK status <paramref name="code"/> with the optional <c>grpc-status-details-bin</c> value.</summary>
    public static ExportOutcome Classify(int code, string? message, string? detailsBin)
    {
        var retryAfter = RetryDelay(detailsBin);
        var retryable = code is Cancelled or DeadlineExceeded or Aborted or OutOfRange or Unavailable or DataLoss
            || (code == ResourceExhausted && retryAfter is not null);
        var detail = $"gRPC {Name(code)}" + (string.IsNullOrEmpty(message) ? string.Empty : $": {Truncate(message)}");
        return new ExportOutcome(retryable ? ExportStatus.Retryable : ExportStatus.Permanent, detail, retryAfter);
    }

    /// <summary>The RetryInfo delay inside a base64 <c>google.rpc.Status</c>, or <c>null</c>.</summary>
    public static TimeSpan? RetryDelay(string? detailsBin)
    {
        if (string.IsNullOrEmpty(detailsBin))
        {
            return null;
        }

        try
        {
            // Binary metadata is base64, padding optional (gRPC over HTTP/2, "Custom-Metadata").
            var padded = detailsBin.Trim();
            padded = padded.PadRight(padded.Length + ((4 - (padded.Length % 4)) % 4), '=');
            var status = Status.Parser.ParseFrom(Convert.FromBase64String(padded));
            foreach (var any in status.Details)
            {
                if (any.TypeUrl == RetryInfoType && RetryInfo.Parser.ParseFrom(any.Value).RetryDelay is { } delay)
                {
                    var span = delay.ToTimeSpan();
                    return span < TimeSpan.Zero ? TimeSpan.Zero : span;
                }
            }
        }
        catch (Exception ex) when (ex is FormatException or InvalidProtocolBufferException or InvalidOperationException)
        {
            // A malformed details trailer is ignored: the status code alone decides.
        }

        return null;
    }

    /// <summary>The canonical name of a status code.</summary>
    public static string Name(int code) => code switch
    {
        Ok => "OK",
        Cancelled => "CANCELLED",
        2 => "UNKNOWN",
        3 => "INVALID_ARGUMENT",
        DeadlineExceeded => "DEADLINE_EXCEEDED",
        5 => "NOT_FOUND",
        6 => "ALREADY_EXISTS",
        7 => "PERMISSION_DENIED",
        ResourceExhausted => "RESOURCE_EXHAUSTED",
        9 => "FAILED_PRECONDITION",
        Aborted => "ABORTED",
        OutOfRange => "OUT_OF_RANGE",
        12 => "UNIMPLEMENTED",
        13 => "INTERNAL",
        Unavailable => "UNAVAILABLE",
        DataLoss => "DATA_LOSS",
        16 => "UNAUTHENTICATED",
        _ => code.ToString(CultureInfo.InvariantCulture),
    };

    private static string Truncate(string s) => s.Length <= 200 ? s : s[..200] + "...";
}
