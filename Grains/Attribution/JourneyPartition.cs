using System.Collections.Immutable;
using Frontline.Abstractions.Attribution;

namespace Frontline.Grains.Attribution;

/// <summary>
/// A customer's journey cut into attribution records: one per conversion and one per null journey whose window
/// has passed. <see cref="PendingUntil"/> is when the still-open trailing touches will become a null journey.
/// </summary>
public sealed record JourneyPartition(ImmutableArray<ConversionRecord> Records, DateTimeOffset? PendingUntil);
