using System.Collections.Immutable;

namespace Frontline.Silo.Import;

/// <summary>The outcome of sending a plan: counts per kind, the server's refusals, and the failure that stopped the run, if any.</summary>
/// <param name="Tallies">One tally per kind, in send order.</param>
/// <param name="Rejections">Refused items, traced to their rows.</param>
/// <param name="Failure">Null when every batch got an answer; otherwise the reason the run stopped.</param>
public sealed record ImportRunResult(ImmutableArray<KindTally> Tallies, ImmutableArray<ServerRejection> Rejections, Exception? Failure);
