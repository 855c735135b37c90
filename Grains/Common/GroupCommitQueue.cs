namespace Frontline.Grains.Common;

/// <summary>
/// Group commit: callers hand in items and wait; at most a few commits run at a time, and each one takes every item
/// that waited while the previous ones ran (up to a bound), so under load one commit, one round trip and one fsync
/// serve many callers. A commit that fails fails every caller whose items it held; later items get a fresh commit.
/// </summary>
/// <typeparam name="T">What one commit stores (a journal row, an audit entry).</typeparam>
public sealed class GroupCommitQueue<T>
{
    private readonly Func<IReadOnlyList<T>, Task> _commit;
    private readonly int _maxBatchItems;
    private readonly int _maxConcurrentCommits;
    private readonly TaskScheduler _scheduler;
    private readonly Lock _lock = new();
    private readonly Queue<Waiter> _waiting = new();
    private int _committers;

    /// <summary>
    /// A queue that stores through <paramref name="commit"/>, which gets at most <paramref name="maxBatchItems"/> items
    /// (more only when one caller's items alone exceed it, as a caller's items are never split between commits) and
    /// runs at most <paramref name="maxConcurrentCommits"/> times at once.
    /// </summary>
    /// <param name="scheduler">
    /// Where commits run: the thread pool when null; a grain passes its own scheduler (<see cref="TaskScheduler.Current"/>
    /// in a grain turn), so that its commits touch its state inside the activation like any turn.
    /// </param>
    public GroupCommitQueue(Func<IReadOnlyList<T>, Task> commit, int maxBatchItems, int maxConcurrentCommits, TaskScheduler? scheduler = null)
    {
        ArgumentNullException.ThrowIfNull(commit);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatchItems, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrentCommits, 1);
        (_commit, _maxBatchItems, _maxConcurrentCommits, _scheduler) = (commit, maxBatchItems, maxConcurrentCommits, scheduler ?? TaskScheduler.Default);
    }

    /// <summary>Queues <paramref name="items"/>; the task completes once a commit holding them succeeded, or fails with its error.</summary>
    public Task EnqueueAsync(IReadOnlyList<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count == 0)
        {
            return Task.CompletedTask;
        }

        // Completed from a committer: callers must resume elsewhere, not run their continuations on its loop.
        var waiter = new Waiter(items, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        bool startCommitter;
        lock (_lock)
        {
            _waiting.Enqueue(waiter);
            startCommitter = _committers < _maxConcurrentCommits;
            if (startCommitter)
            {
                _committers++;
            }
        }

        if (startCommitter)
        {
            _ = Task.Factory.StartNew(CommitWhileWaitingAsync, CancellationToken.None, TaskCreationOptions.DenyChildAttach, _scheduler).Unwrap();
        }

        return waiter.Done.Task;
    }

    private async Task CommitWhileWaitingAsync()
    {
        while (true)
        {
            List<Waiter> batch;
            lock (_lock)
            {
                if (_waiting.Count == 0)
                {
                    _committers--;
                    return;
                }

                batch = TakeBatch();
            }

            var items = new List<T>(batch.Sum(w => w.Items.Count));
            foreach (var waiter in batch)
            {
                items.AddRange(waiter.Items);
            }

            try
            {
                await _commit(items);
            }
            catch (Exception exception)
            {
                foreach (var waiter in batch)
                {
                    waiter.Done.TrySetException(exception);
                }

                continue;
            }

            foreach (var waiter in batch)
            {
                waiter.Done.TrySetResult();
            }
        }
    }

    // Under _lock. Whole callers only, at least one, so every commit makes progress.
    private List<Waiter> TakeBatch()
    {
        var batch = new List<Waiter> { _waiting.Dequeue() };
        var count = batch[0].Items.Count;
        while (_waiting.TryPeek(out var next) && count + next.Items.Count <= _maxBatchItems)
        {
            batch.Add(_waiting.Dequeue());
            count += next.Items.Count;
        }

        return batch;
    }

    private sealed record Waiter(IReadOnlyList<T> Items, TaskCompletionSource Done);
}
