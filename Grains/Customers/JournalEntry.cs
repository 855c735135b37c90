using Frontline.Abstractions.Customers;

namespace Frontline.Grains.Customers;

/// <summary>
/// One touch in the journal, at the customer's own running position: a snapshot records the position it includes,
/// so an activation reads only the entries after it.
/// </summary>
/// <param name="Position">Customer-local position, counted up by the customer grain; a row keeps the position of its first append.</param>
/// <param name="Touch">The accepted touch.</param>
public sealed record JournalEntry(long Position, JourneyTouch Touch);
