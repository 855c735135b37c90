namespace Frontline.Grains.Customers;

/// <summary>
/// The journal of the embedded profile: it keeps nothing, so every accepted touch is made durable by writing the
/// customer's state (files, atomically replaced) before the acknowledgement, as before the journal existed.
/// </summary>
public sealed class StateOnlyTouchJournal : ITouchJournal
{
    /// <inheritdoc />
    public bool IsDurable => false;

    /// <inheritdoc />
    public Task AppendAsync(string customerId, IReadOnlyList<JournalEntry> entries) => Task.CompletedTask;

    /// <inheritdoc />
    public Task<IReadOnlyList<JournalEntry>> ReadAfterAsync(string customerId, long position) => Task.FromResult<IReadOnlyList<JournalEntry>>([]);
}
