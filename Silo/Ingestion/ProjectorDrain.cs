using Frontline.Grains.Ingestion;
using Microsoft.Extensions.Options;

namespace Frontline.Silo.Ingestion;

/// <summary>
/// When a silo stops (an operator removing it, a deployment), it first lets its customers apply the bulk touches it
/// stored, for up to <see cref="BulkIngestOptions.DrainOnStop"/>, while grains can still be called; otherwise a
/// customer living on another silo would not see them until the stale-batch sweep, a minute later.
/// </summary>
public sealed partial class ProjectorDrain(TouchProjector projector, IOptions<BulkIngestOptions> options, ILogger<ProjectorDrain> logger)
    : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(ProjectorDrain), ServiceLifecycleStage.Active, _ => Task.CompletedTask, DrainAsync);

    private async Task DrainAsync(CancellationToken stopping)
    {
        if (projector.IsIdle)
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
