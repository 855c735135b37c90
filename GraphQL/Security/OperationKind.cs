namespace Frontline.GraphQL.Security;

/// <summary>What a root field does, as far as access is concerned; <see cref="AccessPolicy.Operations"/> maps each field to one.</summary>
public enum OperationKind
{
    /// <summary>Ingestion of batches or registrations: integrators and HQ.</summary>
    Ingest,

    /// <summary>The list of units (filtered to the caller's own unit for unit roles).</summary>
    ReadUnits,

    /// <summary>One unit by id.</summary>
    ReadUnit,

    /// <summary>One customer by id.</summary>
    ReadCustomer,

    /// <summary>One opportunity by id.</summary>
    ReadOpportunity,

    /// <summary>A report over an attribution scope (query).</summary>
    ReadScope,

    /// <summary>Opening an opportunity for a unit.</summary>
    OpenOpportunity,

    /// <summary>Follow-ups and closing of an existing opportunity.</summary>
    ChangeOpportunity,

    /// <summary>The live escalations of a unit.</summary>
    SubscribeEscalations,

    /// <summary>Live reports of an attribution scope.</summary>
    SubscribeScope,

    /// <summary>The audit log.</summary>
    ReadAudit,

    /// <summary>What the ingestion stream refused (<c>streamRejections</c>): integrators, operators and HQ.</summary>
    ReadIngestRejections,

    /// <summary>Operations tooling outside GraphQL: the Orleans dashboard.</summary>
    Operate,
}
