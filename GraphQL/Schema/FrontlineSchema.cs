using Frontline.GraphQL.Schema.Types;
using Frontline.GraphQL.Security;
using GraphQL.Types;

namespace Frontline.GraphQL.Schema;

/// <summary>The Frontline GraphQL schema (contract in README).</summary>
public sealed class FrontlineSchema : global::GraphQL.Types.Schema
{
    public FrontlineSchema(IServiceProvider services, FrontlineQuery query, FrontlineMutation mutation, FrontlineSubscription subscription)
        : base(services)
    {
        Query = query;
        Mutation = mutation;
        Subscription = subscription;
        Description = "Frontline: real-time sales management.";

        // Inside the access guard, so an UNAVAILABLE answer is audited with its code.
        RetryableFailureGuard.Wrap(query);
        RetryableFailureGuard.Wrap(mutation);

        // Every root field passes the access policy; a field missing from it fails here, at start-up.
        AccessGuard.Protect(query);
        AccessGuard.Protect(mutation);
        AccessGuard.Protect(subscription);

        // DateTimeOffset values everywhere use the contract's DateTime scalar.
        RegisterTypeMapping(typeof(DateTimeOffset), typeof(UtcDateTimeGraphType));
    }
}
