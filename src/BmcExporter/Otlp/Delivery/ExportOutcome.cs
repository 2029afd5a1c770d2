namespace BmcExporter.Otlp.Delivery;

/// <summary>What the receiver said about one export request.</summary>
internal enum ExportStatus
{
    /// <summary>Accepted (possibly with a partial-success rejection count, which is not retried).</summary>
    Success,

    /// <summary>Throttled or unavailable, or the connection failed: send the same request again later.</summary>
    Retryable,

    /// <summary>Rejected for good (bad request, unauthorised...): retrying cannot help.</summary>
    Permanent,
}

/// <summary>The outcome of one export attempt.</summary>
/// <param name="Status">Accepted, retryable or permanent.</param>
/// <param name="Detail">Short, secret-free description for logs (<c>HTTP 503</c>, <c>gRPC UNAVAILABLE</c>...).</param>
/// <param name="RetryAfter">The receiver's requested wait (Retry-After or RetryInfo), when it gave one.</param>
/// <param name="Rejected">Items the receiver reported as rejected in a partial success.</param>
internal readonly record struct ExportOutcome(ExportStatus Status, string Detail, TimeSpan? RetryAfter = null, long Rejected = 0)
{
    public static ExportOutcome Accepted(long rejected = 0, string? message = null) =>
        new(ExportStatus.Success, rejected > 0 ? $"partial success, {rejected} rejected: {message}" : "ok", null, rejected);
}

/// <summary>The two OTLP signals the exporter sends.</summary>
internal enum OtlpSignal
{
    /// <summary><c>hw.*</c> metrics.</summary>
    Metrics,

    /// <summary>SEL log records.</summary>
    Logs,
}
