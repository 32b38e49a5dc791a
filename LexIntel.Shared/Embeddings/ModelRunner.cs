using System.Threading.Channels;

namespace LexIntel.Shared.Embeddings;

/// <summary>
/// A fixed set of dedicated threads that run the model, fed by a queue. Pool threads rotate, and
/// each new one gives ONNX Runtime cold caches and glibc another heap arena; a few long-lived
/// threads keep both warm and bounded.
/// </summary>
public sealed class ModelRunner : IDisposable
{
    private readonly Channel<WorkItem> queue = Channel.CreateUnbounded<WorkItem>(new UnboundedChannelOptions { SingleWriter = false });
    private readonly Thread[] threads;

    public ModelRunner(int threadCount)
    {
        threads = [.. Enumerable.Range(0, Math.Max(1, threadCount)).Select(i => new Thread(Work) { IsBackground = true, Name = $"embedding-model-{i}" })];
        foreach (var thread in threads)
        {
            thread.Start();
        }
    }

    public Task<float[][]> RunAsync(Func<float[][]> run, CancellationToken cancellationToken)
    {
        var item = new WorkItem(run, cancellationToken);
        return queue.Writer.TryWrite(item) ? item.Completion.Task : Task.FromException<float[][]>(new ObjectDisposedException(nameof(ModelRunner)));
    }

    public void Dispose()
    {
        queue.Writer.TryComplete();
        foreach (var thread in threads)
        {
            thread.Join();
        }
    }

    private void Work()
    {
        while (queue.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            while (queue.Reader.TryRead(out var item))
            {
                if (item.CancellationToken.IsCancellationRequested)
                {
                    item.Completion.TrySetCanceled(item.CancellationToken);
                    continue;
                }

                try
                {
                    item.Completion.TrySetResult(item.Run());
                }
                catch (Exception ex)
                {
                    item.Completion.TrySetException(ex);
                }
            }
        }
    }

    private sealed record WorkItem(Func<float[][]> Run, CancellationToken CancellationToken)
    {
        public TaskCompletionSource<float[][]> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
