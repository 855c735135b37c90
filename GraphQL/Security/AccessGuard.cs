using System.Collections;
using Frontline.Abstractions;
using Frontline.Abstractions.Common;
using Frontline.Abstractions.Customers;
using Frontline.Abstractions.Ingestion;
using Frontline.Abstractions.Opportunities;
using Frontline.Abstractions.Units;
using Frontline.GraphQL.Schema;
using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace Frontline.GraphQL.Security;

/// <summary>
/// Puts <see cref="AccessPolicy"/> in front of every root field of a schema: it gathers the facts the policy needs
/// (arguments, the addressed opportunity, the resolved customer), refuses with FORBIDDEN or UNAUTHENTICATED, and
/// audits every mutation. Nested fields belong to the object their root field returned, which was checked here,
/// so resolvers stay free of access code. A root field without a policy entry stops the schema from building.
/// </summary>
public static class AccessGuard
{
    /// <summary>Wraps the resolvers (and for subscriptions the stream resolvers) of every field of <paramref name="root"/>.</summary>
    public static void Protect(IObjectGraphType root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var audited = root.Name == "Mutation";
        foreach (var field in root.Fields)
        {
            var key = root.Name + "." + field.Name;
            if (!AccessPolicy.Operations.TryGetValue(key, out var kind))
            {
                throw new InvalidOperationException($"{key} has no entry in AccessPolicy.Operations: every root field needs one.");
            }

            if (field.StreamResolver is { } stream)
            {
                // The per-event resolver only maps what the guarded stream delivers.
                field.StreamResolver = new GuardedStreamResolver(stream, kind);
            }
            else if (field.Resolver is { } resolver)
            {
                field.Resolver = new GuardedFieldResolver(resolver, kind, audited);
            }
        }
    }

    private static async ValueTask<Caller> AdmitAsync(IResolveFieldContext context, OperationKind kind)
    {
        var caller = Caller.From(context.User);
        var gate = AccessPolicy.Gate(caller, kind);
        if (gate != AccessDecision.Allowed)
        {
            throw AccessErrors.For(gate);
        }

        // Only callers bound to a unit or customer are judged by the target, so only they pay for looking it up (an
        // opportunity read before every HQ follow-up would be a grain call for nothing).
        if (AccessPolicy.DependsOnTarget(caller!) && await LookUpTargetAsync(context, kind) is { } target && !AccessPolicy.Permits(caller!, kind, target))
        {
            throw AccessErrors.For(AccessDecision.Forbidden);
        }

        return caller!;
    }

    // The lookup runs before the resolver's own retry guard, so a dead silo or database met here must say "retry" too.
    private static async ValueTask<AccessTarget?> LookUpTargetAsync(IResolveFieldContext context, OperationKind kind)
    {
        try
        {
            return await TargetBeforeAsync(context, kind);
        }
        catch (Exception exception) when (RetryableFailureGuard.AsUnavailable(exception) is { } unavailable)
        {
            throw unavailable;
        }
    }

    /// <summary>The target when it is known before resolving; null when only the result tells (reads) or none is needed.</summary>
    private static async ValueTask<AccessTarget?> TargetBeforeAsync(IResolveFieldContext context, OperationKind kind)
    {
        switch (kind)
        {
            case OperationKind.ReadUnit:
                return AccessTarget.Unit(context.GetArgument<string?>("id"));
            case OperationKind.SubscribeEscalations:
                return AccessTarget.Unit(context.GetArgument<string?>("unitId"));
            case OperationKind.ReadScope:
            case OperationKind.SubscribeScope:
                return AccessTarget.ForScope(context.GetArgument<string?>("scope"));
            case OperationKind.OpenOpportunity:
                var unitId = InputValue(context, "unitId");
                var openedId = InputValue(context, "id");
                if (InputLimits.CheckId(openedId, "id") is null
                    && await context.RequestServices!.GetRequiredService<IGrainFactory>().GetOpportunityGrain(openedId!).GetAsync() is { } existing
                    && !string.Equals(existing.UnitId, unitId, StringComparison.Ordinal))
                {
                    // An id already taken by another unit's opportunity: judged by that unit, so a foreign id answers
                    // FORBIDDEN like a read of it would, instead of INVALID_STATE telling that it exists.
                    return AccessTarget.Unit(existing.UnitId);
                }

                return AccessTarget.Unit(unitId);
            case OperationKind.ChangeOpportunity:
                var id = InputValue(context, "opportunityId");
                if (InputLimits.CheckId(id, "opportunityId") is not null)
                {
                    // A malformed id reaches no opportunity: the resolver answers VALIDATION and changes nothing.
                    return null;
                }

                return ForOpportunity(await context.RequestServices!.GetRequiredService<IGrainFactory>().GetOpportunityGrain(id!).GetAsync());
            default:
                return null;
        }
    }

    /// <summary>Checks what a read returned; a list of units is cut down to what the caller may see.</summary>
    private static object? Screen(IResolveFieldContext context, OperationKind kind, Caller caller, object? result)
    {
        switch (kind)
        {
            case OperationKind.ReadUnits when result is IEnumerable<UnitView> units:
                return units.Where(u => AccessPolicy.ShowsUnit(caller, u.Id)).ToList();
            case OperationKind.ReadCustomer:
                var customer = result as CustomerView;
                var target = new AccessTarget(customer is not null, customer?.UnitId, context.GetArgument<string?>("id"));
                return AccessPolicy.Permits(caller, kind, target) ? result : throw AccessErrors.For(AccessDecision.Forbidden);
            case OperationKind.ReadOpportunity:
                return AccessPolicy.Permits(caller, kind, ForOpportunity(result as OpportunityView)) ? result : throw AccessErrors.For(AccessDecision.Forbidden);
            default:
                return result;
        }
    }

    private static AccessTarget ForOpportunity(OpportunityView? opportunity) =>
        opportunity is null ? AccessTarget.Missing() : new AccessTarget(true, opportunity.UnitId, opportunity.CustomerId);

    private static string? InputValue(IResolveFieldContext context, string name) =>
        context.Arguments?.TryGetValue("input", out var input) == true && input.Value is IDictionary<string, object?> fields
        && fields.TryGetValue(name, out var value) ? value as string : null;

    /// <summary>What a mutation addressed, for the audit log: an id, or how many items a batch carried.</summary>
    private static string? DescribeTarget(IResolveFieldContext context)
    {
        if (context.Arguments is not { } arguments)
        {
            return null;
        }

        if (arguments.TryGetValue("scope", out var scope) && arguments.TryGetValue("paths", out var paths))
        {
            return $"{scope.Value}: {Count(paths.Value)} paths";
        }

        if (!arguments.TryGetValue("input", out var input))
        {
            return null;
        }

        return input.Value switch
        {
            IDictionary<string, object?> single => (single.TryGetValue("id", out var id) ? id : single.TryGetValue("opportunityId", out var opportunityId) ? opportunityId : null) as string,
            IEnumerable items => $"{Count(items)} items",
            _ => null,
        };
    }

    private static int Count(object? items) => items is IEnumerable enumerable ? enumerable.Cast<object?>().Count() : 0;

    private static string? DescribeResult(object? result) => result switch
    {
        IngestResult ingest => $"accepted {ingest.Accepted}, duplicates {ingest.Duplicates}, rejected {ingest.Rejected.Length}",
        int count => $"{count} held",
        _ => null,
    };

    /// <summary>The entry of a mutation that succeeded: it must be stored, or the answer is the retryable UNAVAILABLE.</summary>
    private static async Task AuditSuccessAsync(IResolveFieldContext context, Caller caller, string? detail)
    {
        var services = context.RequestServices!;
        try
        {
            await AuditRecorder.RecordAsync(services.GetRequiredService<IGrainFactory>(), caller, context.FieldDefinition.Name, DescribeTarget(context),
                AuditRecorder.Ok, detail, services.GetService<TimeProvider>() ?? TimeProvider.System);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            throw new ExecutionError(AccessErrors.AuditUnavailableMessage, exception) { Code = ErrorCodes.Unavailable };
        }
    }

    /// <summary>The entry of a mutation that failed: best effort, so the caller still gets the original error.</summary>
    private static Task AuditFailureAsync(IResolveFieldContext context, Caller caller, string outcome, string? detail)
    {
        var services = context.RequestServices!;
        return AuditRecorder.TryRecordAsync(services.GetRequiredService<IGrainFactory>(), caller, context.FieldDefinition.Name, DescribeTarget(context),
            outcome, detail, services.GetService<TimeProvider>() ?? TimeProvider.System);
    }

    private sealed class GuardedFieldResolver(IFieldResolver inner, OperationKind kind, bool audited) : IFieldResolver
    {
        public async ValueTask<object?> ResolveAsync(IResolveFieldContext context)
        {
            if (!audited)
            {
                var reader = await AdmitAsync(context, kind);
                return Screen(context, kind, reader, await inner.ResolveAsync(context));
            }

            // Mutations: every attempt by a known caller is audited, refused ones too, and the answer waits for the entry.
            var caller = Caller.From(context.User);
            object? result;
            try
            {
                await AdmitAsync(context, kind);
                result = await inner.ResolveAsync(context);
            }
            catch (ExecutionError error) when (caller is not null)
            {
                await AuditFailureAsync(context, caller, error.Code ?? ErrorCodes.Internal, error.Code == ErrorCodes.Forbidden ? null : error.Message);
                throw;
            }
            catch (Exception exception) when (caller is not null && exception is not OperationCanceledException)
            {
                await AuditFailureAsync(context, caller, ErrorCodes.Internal, null);
                throw;
            }

            await AuditSuccessAsync(context, caller!, DescribeResult(result));
            return result;
        }
    }

    private sealed class GuardedStreamResolver(ISourceStreamResolver inner, OperationKind kind) : ISourceStreamResolver
    {
        public async ValueTask<IObservable<object?>> ResolveAsync(IResolveFieldContext context)
        {
            await AdmitAsync(context, kind);
            return await inner.ResolveAsync(context);
        }
    }
}
