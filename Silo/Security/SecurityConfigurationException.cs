namespace Frontline.Silo.Security;

/// <summary>The token or API key configuration is unusable; the message says what to set.</summary>
public sealed class SecurityConfigurationException(string message) : Exception(message);
