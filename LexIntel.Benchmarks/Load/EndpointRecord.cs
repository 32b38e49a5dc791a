namespace LexIntel.Benchmarks.Load;

/// <summary>What one endpoint's requests came to: latencies of the successful ones, and how the others ended.</summary>
internal sealed class EndpointRecord
{
    /// <summary>Failures kept word for word for the report; the rest are only counted.</summary>
    private const int KeptFailures = 5;

    private readonly Lock gate = new();
    private readonly List<double> milliseconds = [];
    private readonly List<string> failures = [];

    public int Requests { get; private set; }

    public int RateLimited { get; private set; }

    public int Errors { get; private set; }

    public int Succeeded
    {
        get
        {
            lock (gate)
            {
                return milliseconds.Count;
            }
        }
    }

    public IReadOnlyList<string> Failures
    {
        get
        {
            lock (gate)
            {
                return [.. failures];
            }
        }
    }

    public void Success(double elapsedMilliseconds)
    {
        lock (gate)
        {
            Requests++;
            milliseconds.Add(elapsedMilliseconds);
        }
    }

    /// <summary>A 429: the product's rate limits at work, counted apart from the errors.</summary>
    public void Limited()
    {
        lock (gate)
        {
            Requests++;
            RateLimited++;
        }
    }

    /// <summary>Any other status, an exception or a timeout.</summary>
    public void Error(string failure)
    {
        lock (gate)
        {
            Requests++;
            Errors++;
            if (failures.Count < KeptFailures)
            {
                failures.Add(failure);
            }
        }
    }

    /// <summary>The <paramref name="p"/> percentile (0–1) of the successful requests' latencies, in ms; NaN when none succeeded.</summary>
    public double Percentile(double p)
    {
        lock (gate)
        {
            return Benchmarks.Percentile.Of([.. milliseconds.Order()], p);
        }
    }
}
