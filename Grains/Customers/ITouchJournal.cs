namespace Frontline.Grains.Customers;

/// <summary>
/// Where a customer's newly accepted touches become durable before the customer acknowledges them. A durable
/// journal lets the customer write its whole state only now and then (DESIGN §9); an activation then reads its last
/// snapshot and the journal entries after it.
/// </summary>
public interface ITouchJournal
{
    /// <summary>
    /// False when the journal keeps nothing itself (the embedded profile): the customer then writes its whole state
    /// before every acknowledgement, as the state is its journal.
    /// </summary>
    bool IsDurable { get; }

    /// <summary>
    /// Stores <paramref name="entries"/> of <paramref name="customerId"/>, completing once they are committed; an
    /// entry whose event id the customer already has in the journal is left as it is.
    /// </summary>
    Task AppendAsync(string customerId, IReadOnlyList<JournalEntry> entries);

    /// <summary>The stored entries of <paramref name="customerId"/> with a position after <paramref name="position"/>, in order of position.</summary>
    Task<IReadOnlyList<JournalEntry>> ReadAfterAsync(string customerId, long position);
}
