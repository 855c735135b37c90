using System.Collections.Immutable;
using Frontline.Abstractions.Ingestion;
using Frontline.Grains.Common;

namespace Frontline.Grains.Ingestion;

/// <summary>
/// The refusal count of one stream namespace. Refusals are rare (a producer bug), so one grain per namespace is
/// enough; it writes before it answers, so a refusal the consumer moved past is never uncounted.
/// </summary>
public sealed class StreamRejectionsGrain(
    [PersistentState("stream-rejections", StorageNames.Frontline)] IPersistentState<StreamRejectionsState> state) : Grain, IStreamRejectionsGrain
{
    public async Task RecordAsync(ImmutableArray<StreamRejection> rejections)
    {
        // At-least-once delivery can hand the consumer the same bad item again; one still in the recent list is
        // recognised by its content (not its time) and not counted twice.
        var fresh = rejections.Where(r => !state.State.Recent.Any(seen => SameItem(seen, r))).ToList();
        if (fresh.Count == 0)
        {
            return;
        }

        await state.SaveAsync(state.State with
        {
            Count = state.State.Count + fresh.Count,
            Recent = [.. Enumerable.Reverse(fresh).Concat(state.State.Recent).Take(StreamRejections.RecentLimit)],
        }, this);
    }

    public Task<StreamRejections> GetAsync() => Task.FromResult(new StreamRejections
    {
        Stream = this.GetPrimaryKeyString(),
        Count = state.State.Count,
        Recent = state.State.Recent,
    });

    private static bool SameItem(StreamRejection a, StreamRejection b) =>
        string.Equals(a.EventId, b.EventId, StringComparison.Ordinal) && string.Equals(a.StreamKey, b.StreamKey, StringComparison.Ordinal)
        && string.Equals(a.Field, b.Field, StringComparison.Ordinal) && string.Equals(a.Reason, b.Reason, StringComparison.Ordinal);
}
