using Orleans.Streams;

namespace Frontline.GraphQL.Schema.Streams;

/// <summary>
/// Bridges an Orleans stream to the <see cref="IObservable{T}"/> GraphQL.NET subscriptions consume. The Orleans
/// subscription is made before the GraphQL subscription starts (see <see cref="SubscribeAsync"/>), so no event
/// published after the client's subscribe is missed; it is removed when the GraphQL subscriber disposes.
/// </summary>
public sealed class GrainStreamObservable<TEvent, TOut> : IObservable<TOut>
{
    private readonly IAsyncStream<TEvent> _stream;
    private readonly Func<TEvent, Task<TOut>> _project;
    private readonly List<IObserver<TOut>> _observers = [];
    private readonly SemaphoreSlim _order = new(1, 1);
    private StreamSubscriptionHandle<TEvent>? _handle;

    private GrainStreamObservable(IAsyncStream<TEvent> stream, Func<TEvent, Task<TOut>> project)
    {
        _stream = stream;
        _project = project;
    }

    /// <summary>Subscribes to <paramref name="stream"/> now; each event is projected (e.g. a fresh report read) before it is pushed.</summary>
    public static async Task<IObservable<TOut>> SubscribeAsync(IAsyncStream<TEvent> stream, Func<TEvent, Task<TOut>> project)
    {
        var observable = new GrainStreamObservable<TEvent, TOut>(stream, project);
        observable._handle = await stream.SubscribeAsync(observable.OnNextAsync, observable.OnErrorAsync);
        return observable;
    }

    public IDisposable Subscribe(IObserver<TOut> observer)
    {
        lock (_observers)
        {
            _observers.Add(observer);
        }

        return new Unsubscriber(this, observer);
    }

    private async Task OnNextAsync(TEvent item, StreamSequenceToken? token)
    {
        // Projections are awaited one at a time so subscribers see events in stream order.
        await _order.WaitAsync();
        try
        {
            var projected = await _project(item);
            foreach (var observer in Snapshot())
            {
                observer.OnNext(projected);
            }
        }
        finally
        {
            _order.Release();
        }
    }

    private Task OnErrorAsync(Exception error)
    {
        foreach (var observer in Snapshot())
        {
            observer.OnError(error);
        }

        return Task.CompletedTask;
    }

    private IObserver<TOut>[] Snapshot()
    {
        lock (_observers)
        {
            return [.. _observers];
        }
    }

    private void Remove(IObserver<TOut> observer)
    {
        bool last;
        lock (_observers)
        {
            _observers.Remove(observer);
            last = _observers.Count == 0;
        }

        if (last && _handle is { } handle)
        {
            // Fire and forget: disposal is synchronous, and a failed unsubscribe only leaves an idle subscription.
            _ = handle.UnsubscribeAsync();
        }
    }

    private sealed class Unsubscriber(GrainStreamObservable<TEvent, TOut> owner, IObserver<TOut> observer) : IDisposable
    {
        public void Dispose() => owner.Remove(observer);
    }
}
