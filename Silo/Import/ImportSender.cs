using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace Frontline.Silo.Import;

/// <summary>
/// Sends a plan kind by kind in batches. Kinds go strictly in order and batches one at a time, because later kinds
/// refer to earlier ones (an opportunity needs its unit) and the server must have applied them first. Paths go last,
/// in a single request.
/// </summary>
public sealed class ImportSender(GraphQLIngestClient client, int batchSize)
{
    /// <summary>Sends every step of <paramref name="plan"/>, then its paths; stops at the first transport or GraphQL failure.</summary>
    public async Task<ImportRunResult> SendAsync(ImportPlan plan, IImportProgress progress, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var tallies = plan.Steps.Select(s => new KindTally(s.Kind, s.Items.Length, s.BadRows)).ToList();
        var pathTally = plan.Paths is { } paths ? new KindTally(ImportKind.Paths, paths.Paths.Length, paths.BadRows) : null;
        if (pathTally is not null) tallies.Add(pathTally);
        foreach (var tally in tallies) progress.Register(tally.Kind, tally.Items);

        var rejections = ImmutableArray.CreateBuilder<ServerRejection>();
        ImportRunResult Result(Exception? failure) => new([.. tallies], rejections.ToImmutable(), failure);
        for (var s = 0; s < plan.Steps.Length; s++)
        {
            var step = plan.Steps[s];
            var tally = tallies[s];
            try
            {
                foreach (var batch in step.Items.Chunk(batchSize))
                {
                    var input = new JsonArray([.. batch.Select(i => (JsonNode)i.Item.DeepClone())]);
                    var result = await client.SendAsync(step.Mutation, input, cancellationToken);
                    tally.Sent += batch.Length;
                    tally.Accepted += result.Accepted;
                    tally.Duplicates += result.Duplicates;
                    tally.Rejected += result.Rejected.Length;
                    foreach (var rejection in result.Rejected)
                    {
                        // An index outside the batch is the server's bug; keep the verdict rather than lose it.
                        var source = rejection.Index >= 0 && rejection.Index < batch.Length
                            ? batch[rejection.Index]
                            : new Sourced<JsonObject>(new JsonObject(), "?", 0);
                        rejections.Add(new ServerRejection(step.Kind, source.File, source.Line, rejection.Field, rejection.Reason, rejection.Code));
                    }

                    progress.Advance(step.Kind, batch.Length);
                }
            }
            catch (Exception e) when (e is ServerUnreachableException or GraphQLErrorException)
            {
                for (var rest = s; rest < tallies.Count; rest++) progress.Complete(tallies[rest].Kind);
                return Result(e);
            }

            progress.Complete(step.Kind);
        }

        if (plan.Paths is { } pathStep && pathTally is not null)
        {
            try
            {
                await SendPathsAsync(pathStep, pathTally, progress, cancellationToken);
            }
            catch (Exception e) when (e is ServerUnreachableException or GraphQLErrorException)
            {
                return Result(e);
            }
            finally
            {
                progress.Complete(ImportKind.Paths);
            }
        }

        return Result(null);
    }

    private async Task SendPathsAsync(PathStep step, KindTally tally, IImportProgress progress, CancellationToken cancellationToken)
    {
        // No good rows would replace the scope's paths with none; an analyst's typo must not wipe a scope.
        if (step.Paths.IsEmpty) return;

        // One request, never batches: each importPaths call replaces the scope, so batches would keep only the last one.
        var input = new JsonArray([.. step.Paths.Select(p => (JsonNode)PathMutation.ToInput(p.Item))]);
        tally.Stored = await client.ImportPathsAsync(step.Scope, input, cancellationToken);
        tally.Sent = step.Paths.Length;
        progress.Advance(ImportKind.Paths, step.Paths.Length);
    }
}
