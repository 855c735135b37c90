namespace Frontline.Tests.Transport.TestApi;

/// <summary>
/// In-memory broadcast the test mutation publishes to and the test subscription reads from. It counts
/// observers so tests can wait until a subscription is really attached instead of sleeping.
/// </summary>
public sealed class TestMessageHub : IObservable<string>
{
    private readonly Lock _lock = new();
    private readonly List<IObserver<string>> _observers = [];
    private readonly List<(int Count, TaskCompletionSource Signal)> _waiters = [];

    public int SubscriberCount
    {
        get
        {
            lock (_lock)
            {
                return _observers.Count;
            }
        }
    }

    public IDisposable Subscribe(IObserver<string> observer)
    {
        lock (_lock)
        {
            _observers.Add(observer);
            SignalWaiters();
        }

        return new Unsubscriber(this, observer);
    }

    public void Publish(string message)
    {
        IObserver<string>[] observers;
        lock (_lock)
        {
            observers = [.. _observers];
        }

        foreach (var observer in observers)
        {
            observer.OnNext(message);
        }
    }

    /// <summary>Completes once exactly <paramref name="count"/> observers are attached.</summary>
    public Task WaitForSubscriberCountAsync(int count, TimeSpan timeout)
    {
        lock (_lock)
        {
            if (_observers.Count == count)
            {
                return Task.CompletedTask;
            }

            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, signal));
            return signal.Task.WaitAsync(timeout);
        }
    }

    private void Remove(IObserver<string> observer)
    {
        lock (_lock)
        {
            _observers.Remove(observer);
            SignalWaiters();
        }
    }

    private void SignalWaiters()
    {
        for (var i = _waiters.Count - 1; i >= 0; i--)
        {
            if (_waiters[i].Count == _observers.Count)
            {
                _waiters[i].Signal.TrySetResult();
                _waiters.RemoveAt(i);
            }
        }
    }

    private sealed class Unsubscriber(TestMessageHub hub, IObserver<string> observer) : IDisposable
    {
        public void Dispose() => hub.Remove(observer);
    }
}
