using Frontline.Grains.Common;

namespace Frontline.Tests.Storage;

/// <summary>The journal's group commit, on a commit function the test holds open or fails at will.</summary>
public sealed class GroupCommitQueueTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task EnqueueAsync_AppendsWhileACommitRuns_AllGoInTheNextCommit()
    {
        var store = new GatedStore();
        var queue = new GroupCommitQueue<int>(store.CommitAsync, maxBatchItems: 1_000, maxConcurrentCommits: 1);

        var first = queue.EnqueueAsync([1]);
        await store.WaitForCommitsAsync(1);
        // From many threads at once; each returns its waiting task (StartNew does not unwrap it).
        var later = Enumerable.Range(2, 50)
            .Select(i => Task.Factory.StartNew(() => queue.EnqueueAsync([i, i * 100]), CancellationToken.None, TaskCreationOptions.None, TaskScheduler.Default))
            .ToArray();
        await Task.WhenAll(later.Select(t => t.WaitAsync(Wait)));
        Assert.False(first.IsCompleted);
        store.Release(1);
        await first.WaitAsync(Wait);
        await store.WaitForCommitsAsync(2);
        Assert.All(later.Select(t => t.Result), t => Assert.False(t.IsCompleted));

        store.Release(1);
        await Task.WhenAll(later.Select(t => t.Result)).WaitAsync(Wait);

        Assert.Equal(2, store.Committed.Count);
        Assert.Equal([1], store.Committed[0]);
        Assert.Equal(Enumerable.Range(2, 50).SelectMany(i => new[] { i, i * 100 }).Order(), store.Committed[1].Order());
    }

    [Fact]
    public async Task EnqueueAsync_CommitFails_EveryWaiterOfThatCommitFailsWithItsError()
    {
        var store = new GatedStore();
        var queue = new GroupCommitQueue<int>(store.CommitAsync, maxBatchItems: 1_000, maxConcurrentCommits: 1);
        var first = queue.EnqueueAsync([1]);
        await store.WaitForCommitsAsync(1);
        var waiting = Enumerable.Range(2, 10).Select(i => queue.EnqueueAsync([i])).ToArray();
        store.Release(1);
        await first.WaitAsync(Wait);
        await store.WaitForCommitsAsync(2);

        var failure = new InvalidOperationException("disk full");
        store.Fail(failure);

        foreach (var task in waiting)
        {
            Assert.Same(failure, await Assert.ThrowsAsync<InvalidOperationException>(() => task.WaitAsync(Wait)));
        }

        Assert.Equal([1], Assert.Single(store.Committed));
    }

    [Fact]
    public async Task EnqueueAsync_RetryAfterAFailedCommit_CommitsAndCompletes()
    {
        var store = new GatedStore();
        var queue = new GroupCommitQueue<int>(store.CommitAsync, maxBatchItems: 1_000, maxConcurrentCommits: 1);
        var failed = queue.EnqueueAsync([7, 8]);
        await store.WaitForCommitsAsync(1);
        store.Fail(new TimeoutException("connection lost"));
        await Assert.ThrowsAsync<TimeoutException>(() => failed.WaitAsync(Wait));

        var retry = queue.EnqueueAsync([7, 8]);
        await store.WaitForCommitsAsync(2);
        store.Release(1);
        await retry.WaitAsync(Wait);

        Assert.Equal([7, 8], Assert.Single(store.Committed));
    }

    [Fact]
    public async Task EnqueueAsync_ManyWaiting_CommitsHoldWholeCallersUpToTheBound()
    {
        var store = new GatedStore();
        var queue = new GroupCommitQueue<int>(store.CommitAsync, maxBatchItems: 10, maxConcurrentCommits: 1);
        var first = queue.EnqueueAsync([0]);
        await store.WaitForCommitsAsync(1);

        // Seven callers of four items: two fit under the bound of ten, and no caller is split.
        var waiting = Enumerable.Range(1, 7).Select(c => queue.EnqueueAsync([.. Enumerable.Range(c * 10, 4)])).ToArray();
        var big = queue.EnqueueAsync([.. Enumerable.Range(1_000, 25)]);
        store.Release(100);
        await Task.WhenAll([first, big, .. waiting]).WaitAsync(Wait);

        Assert.Equal([1, 8, 8, 8, 4, 25], store.Committed.Select(c => c.Count));
        Assert.Equal(Enumerable.Range(1, 7).SelectMany(c => Enumerable.Range(c * 10, 4)), store.Committed.Skip(1).Take(4).SelectMany(c => c));
    }

    [Fact]
    public async Task EnqueueAsync_ConcurrentCommitsAllowed_NeverMoreInFlight()
    {
        var store = new GatedStore();
        var queue = new GroupCommitQueue<int>(store.CommitAsync, maxBatchItems: 1, maxConcurrentCommits: 2);

        var tasks = Enumerable.Range(0, 6).Select(i => queue.EnqueueAsync([i])).ToArray();
        await store.WaitForCommitsAsync(2);
        Assert.Equal(2, store.InFlight);
        store.Release(100);
        await Task.WhenAll(tasks).WaitAsync(Wait);

        Assert.Equal(2, store.MaxInFlight);
        Assert.Equal(Enumerable.Range(0, 6), store.Committed.SelectMany(c => c).Order());
    }

    /// <summary>
    /// A store whose commits wait until the test lets them through (or fails them); it records what committed. Each
    /// commit copies its items at once, as a database driver sends them.
    /// </summary>
    private sealed class GatedStore
    {
        private readonly Lock _lock = new();
        private readonly SemaphoreSlim _started = new(0);
        private readonly SemaphoreSlim _gate = new(0);
        private Exception? _failure;
        private int _startedCount;
        private int _inFlight;

        public List<List<int>> Committed { get; } = [];

        public int InFlight => Volatile.Read(ref _inFlight);

        public int MaxInFlight { get; private set; }

        public async Task CommitAsync(IReadOnlyList<int> items)
        {
            var copy = items.ToList();
            lock (_lock)
            {
                _inFlight++;
                MaxInFlight = Math.Max(MaxInFlight, _inFlight);
                _startedCount++;
            }

            _started.Release();
            await _gate.WaitAsync();
            lock (_lock)
            {
                _inFlight--;
                if (_failure is { } failure)
                {
                    _failure = null;
                    throw failure;
                }

                Committed.Add(copy);
            }
        }

        public async Task WaitForCommitsAsync(int started)
        {
            using var timeout = new CancellationTokenSource(Wait);
            while (Volatile.Read(ref _startedCount) < started)
            {
                await _started.WaitAsync(timeout.Token);
            }
        }

        public void Release(int commits) => _gate.Release(commits);

        public void Fail(Exception failure)
        {
            lock (_lock)
            {
                _failure = failure;
            }

            _gate.Release(1);
        }
    }
}
