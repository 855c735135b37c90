using Frontline.Abstractions.Attribution;

namespace Frontline.GraphQL.Security;

/// <summary>
/// Who may do what to which resource: the whole role x operation x resource table in one place, pure, so it is
/// tested on its own and the schema only feeds it facts. Anything not listed is denied.
/// </summary>
public static class AccessPolicy
{
    /// <summary>Every root field of the schema ("Query.unit", "Mutation.recordTouches", ...) and what it does.</summary>
    public static readonly IReadOnlyDictionary<string, OperationKind> Operations = new Dictionary<string, OperationKind>(StringComparer.Ordinal)
    {
        ["Query.units"] = OperationKind.ReadUnits,
        ["Query.unit"] = OperationKind.ReadUnit,
        ["Query.customer"] = OperationKind.ReadCustomer,
        ["Query.opportunity"] = OperationKind.ReadOpportunity,
        ["Query.attribution"] = OperationKind.ReadScope,
        ["Query.heatmap"] = OperationKind.ReadScope,
        ["Query.pathStats"] = OperationKind.ReadScope,
        ["Query.contentCombinations"] = OperationKind.ReadScope,
        ["Query.auditLog"] = OperationKind.ReadAudit,
        ["Query.streamRejections"] = OperationKind.ReadIngestRejections,
        ["Mutation.recordTouches"] = OperationKind.Ingest,
        ["Mutation.registerUnits"] = OperationKind.Ingest,
        ["Mutation.registerUnit"] = OperationKind.Ingest,
        ["Mutation.registerCustomers"] = OperationKind.Ingest,
        ["Mutation.registerCustomer"] = OperationKind.Ingest,
        ["Mutation.importOpportunities"] = OperationKind.Ingest,
        ["Mutation.importPaths"] = OperationKind.Ingest,
        ["Mutation.openOpportunity"] = OperationKind.OpenOpportunity,
        ["Mutation.logFollowUp"] = OperationKind.ChangeOpportunity,
        ["Mutation.closeOpportunity"] = OperationKind.ChangeOpportunity,
        ["Subscription.escalationRaised"] = OperationKind.SubscribeEscalations,
        ["Subscription.attributionUpdated"] = OperationKind.SubscribeScope,
        ["Subscription.heatmapUpdated"] = OperationKind.SubscribeScope,
    };

    /// <summary>
    /// The role-level answer, before anything is read: may this caller run this kind of operation at all? Allowed
    /// here can still be refused by <see cref="Permits"/> once the target is known.
    /// </summary>
    public static AccessDecision Gate(Caller? caller, OperationKind kind)
    {
        if (caller is null)
        {
            return AccessDecision.Unauthenticated;
        }

        var allowed = caller.Role switch
        {
            FrontlineRoles.Hq => true,
            FrontlineRoles.Integrator => kind is OperationKind.Ingest or OperationKind.ReadIngestRejections,
            FrontlineRoles.Customer => kind == OperationKind.ReadCustomer,
            FrontlineRoles.UnitLead or FrontlineRoles.UnitMember => kind is not (OperationKind.Ingest or OperationKind.ReadAudit or OperationKind.ReadIngestRejections or OperationKind.Operate),
            FrontlineRoles.Operator => kind is OperationKind.Operate or OperationKind.ReadIngestRejections,
            _ => false,
        };
        return allowed ? AccessDecision.Allowed : AccessDecision.Forbidden;
    }

    /// <summary>
    /// The resource-level answer: may this caller, already through <see cref="Gate"/>, reach this target? Callers
    /// bound to a unit or customer never learn whether something outside their reach exists: a missing target is
    /// refused like a foreign one.
    /// </summary>
    public static bool Permits(Caller caller, OperationKind kind, AccessTarget target)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (Gate(caller, kind) != AccessDecision.Allowed)
        {
            return false;
        }

        switch (caller.Role)
        {
            case FrontlineRoles.Hq:
            case FrontlineRoles.Integrator:
            case FrontlineRoles.Operator:
                return true;
            case FrontlineRoles.Customer:
                // Its own id only; whether that record exists yet is its own business.
                return string.Equals(target.CustomerId, caller.CustomerId, StringComparison.Ordinal);
        }

        var ownUnit = caller.UnitId;
        return kind switch
        {
            OperationKind.ReadUnits => true,
            OperationKind.ReadUnit or OperationKind.OpenOpportunity or OperationKind.SubscribeEscalations
                => string.Equals(target.UnitId, ownUnit, StringComparison.Ordinal),
            OperationKind.ReadCustomer or OperationKind.ReadOpportunity or OperationKind.ChangeOpportunity
                => target.Exists && string.Equals(target.UnitId, ownUnit, StringComparison.Ordinal),
            OperationKind.ReadScope or OperationKind.SubscribeScope
                => string.Equals(target.Scope, AttributionScopes.Unit(ownUnit!), StringComparison.Ordinal),
            _ => false,
        };
    }

    /// <summary>
    /// Whether <see cref="Permits"/> can answer differently for different targets for this caller: only for callers
    /// bound to a unit or a customer; everyone else is decided by <see cref="Gate"/> alone.
    /// </summary>
    public static bool DependsOnTarget(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller.Role is FrontlineRoles.UnitLead or FrontlineRoles.UnitMember or FrontlineRoles.Customer;
    }

    /// <summary>Whether a unit in a list (<c>units</c>) is shown to the caller.</summary>
    public static bool ShowsUnit(Caller caller, string unitId) => Permits(caller, OperationKind.ReadUnit, AccessTarget.Unit(unitId));
}
