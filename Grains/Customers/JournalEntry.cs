using Frontline.Abstractions.Customers;

namespace Frontline.Grains.Customers;

/// <summary>
/// One touch in the journal, at the customer's own running position: a snapshot records the position it includes,
/// so an activation reads only the entries after it.
/// </summary>
/// <param name="Position">Customer-local position, counted by the customer grain (not unique: a retry after a failed append reuses positions).</param>
/// <param name="Touch">The accepted touch.</param>
public sealed record JournalEntry(long Position, JourneyTouch Touch);
