namespace BmcExporter.Web.Security;

/// <summary>A web config whose files cannot be used (certificate, key or CA file).</summary>
public sealed class WebConfigException(string message) : Exception(message);
