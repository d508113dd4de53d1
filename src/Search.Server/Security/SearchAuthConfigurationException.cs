namespace Search.Server.Security;

/// <summary>The authentication configuration is unsafe or invalid; the service refuses to start.</summary>
public sealed class SearchAuthConfigurationException(string message) : InvalidOperationException(message);
