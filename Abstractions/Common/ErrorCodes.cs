namespace Frontline.Abstractions.Common;

/// <summary>Stable error codes carried in GraphQL <c>extensions.code</c> and ingestion results.</summary>
public static class ErrorCodes
{
    /// <summary>An input field is missing, malformed or out of range.</summary>
    public const string Validation = "VALIDATION";

    /// <summary>The addressed entity does not exist.</summary>
    public const string NotFound = "NOT_FOUND";

    /// <summary>The entity's current state forbids the command (e.g. closing a closed opportunity).</summary>
    public const string InvalidState = "INVALID_STATE";

    /// <summary>The request itself could not be parsed (malformed JSON or GraphQL document).</summary>
    public const string BadRequest = "BAD_REQUEST";

    /// <summary>Storage or the cluster failed an idempotent write; retrying the same request is safe.</summary>
    public const string Unavailable = "UNAVAILABLE";

    /// <summary>A batch carries more items than the server accepts in one call; nothing of it was applied.</summary>
    public const string BatchTooLarge = "BATCH_TOO_LARGE";

    /// <summary>No usable credentials: a missing, expired or invalid token or API key.</summary>
    public const string Unauthenticated = "UNAUTHENTICATED";

    /// <summary>The caller may not do this, or may not see what it addressed (the two look the same).</summary>
    public const string Forbidden = "FORBIDDEN";

    /// <summary>An unexpected failure; details are logged, never returned.</summary>
    public const string Internal = "INTERNAL";
}
