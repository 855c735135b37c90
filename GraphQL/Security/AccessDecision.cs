namespace Frontline.GraphQL.Security;

/// <summary>What the access policy says about a call.</summary>
public enum AccessDecision
{
    /// <summary>Go ahead.</summary>
    Allowed,

    /// <summary>The caller is known but may not do this (or the target is not visible to it); code FORBIDDEN.</summary>
    Forbidden,

    /// <summary>No usable credentials; code UNAUTHENTICATED.</summary>
    Unauthenticated,
}
