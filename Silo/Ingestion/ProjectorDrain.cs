using Frontline.Grains.Ingestion;
using Microsoft.Extensions.Options;

namespace Frontline.Silo.Ingestion;

/// <summary>
/// When a silo stops (an operator removing it, a deployment), it first lets its customers apply the bulk touches it
/// stored, for up to <see cref="BulkIngestOptions.DrainOnStop"/>, while grains can still be called; otherwise a
/// customer living on another silo would not see them until the stale-batch sweep, a minute later. Customers this
/// silo hosted are placed on the others meanwhile; a silo alone does not wait.
/// </summary>
public sealed partial class ProjectorDrain(
    TouchProjector projector, IClusterMembershipService membership, ILocalSiloDetails self, IOptions<BulkIngestOptions> options, ILogger<ProjectorDrain> logger)
    : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(ProjectorDrain), ServiceLifecycleStage.Active, _ => Task.CompletedTask, DrainAsync);

    private async Task DrainAsync(CancellationToken stopping)
    {
        // Alone, a stopping silo cannot activate the customers (nowhere to place them): the sweep after the restart
        // does it, and waiting would only delay the stop.
        var others = membership.CurrentSnapshot.Members.Values.Count(m => m.Status == SiloStatus.Active && !m.SiloAddress.Equals(self.SiloAddress));
        if (projector.IsIdle || others == 0)
        {
            return;
        }

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        limit.CancelAfter(options.Value.DrainOnStop);
        var before = projector.Backlog;
        await projector.DrainAsync(limit.Token);
        LogDrained(logger, before, projector.Backlog);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopping: {Before} stored touches were waiting for their customers, {Left} still are (left to the stale-batch sweep)")]
    private static partial void LogDrained(ILogger logger, long before, long left);
}
