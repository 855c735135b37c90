using System.Collections.Immutable;
using Frontline.Abstractions.Common;
using Frontline.Abstractions.Ingestion;

namespace Frontline.Grains.Ingestion;

/// <summary>Counts the outcomes of a batch, item by item.</summary>
internal sealed class IngestTally
{
    private readonly ImmutableArray<IngestRejection>.Builder _rejected = ImmutableArray.CreateBuilder<IngestRejection>();
    private int _accepted, _duplicates;

    public void Count(ItemOutcome outcome)
    {
        if (outcome == ItemOutcome.Accepted)
        {
            _accepted++;
        }
        else if (outcome == ItemOutcome.Duplicate)
        {
            _duplicates++;
        }
    }

    public void Reject(int index, Rejection rejection) =>
        _rejected.Add(new IngestRejection { Index = index, Field = rejection.Field, Reason = rejection.Reason, Code = rejection.Code });

    public IngestResult ToResult() => new()
    {
        Accepted = _accepted,
        Duplicates = _duplicates,
        Rejected = [.. _rejected.OrderBy(r => r.Index)],
    };
}
