namespace Frontline.Abstractions.Attribution;

/// <summary>A report that would exceed a documented limit (e.g. MARKOV's number of distinct keys); the caller gets a VALIDATION error.</summary>
[GenerateSerializer, Alias("Frontline.AttributionLimitException")]
public sealed class AttributionLimitException : Exception
{
    public AttributionLimitException()
    {
    }

    public AttributionLimitException(string message)
        : base(message)
    {
    }

    public AttributionLimitException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
