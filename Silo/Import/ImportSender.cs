using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace Frontline.Silo.Import;

/// <summary>
/// Sends a plan kind by kind in batches. Kinds go strictly in order and batches one at a time, because later kinds
/// refer to earlier ones (an opportunity needs its unit) and the server must have applied them first.
/// </summary>
public sealed class ImportSender(GraphQLIngestClient client, int batchSize)
{
    /// <summary>Sends every step of <paramref name="plan"/>; stops at the first transport or GraphQL failure.</summary>
    public async Task<ImportRunResult> SendAsync(ImportPlan plan, IImportProgress progress, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var tallies = plan.Steps.Select(s => new KindTally(s.Kind, s.Items.Length, s.BadRows)).ToImmutableArray();
        foreach (var step in plan.Steps) progress.Register(step.Kind, step.Items.Length);

        var rejections = ImmutableArray.CreateBuilder<ServerRejection>();
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
                for (var rest = s; rest < plan.Steps.Length; rest++) progress.Complete(plan.Steps[rest].Kind);
                return new ImportRunResult(tallies, rejections.ToImmutable(), e);
            }

            progress.Complete(step.Kind);
        }

        return new ImportRunResult(tallies, rejections.ToImmutable(), null);
    }
}
