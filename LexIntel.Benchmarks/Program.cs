using LexIntel.Benchmarks;
using LexIntel.Benchmarks.Scenarios;

IBenchmarkScenario[] scenarios = [new QueueScenario(), new IngestScenario(), new ProgressScenario(), new RetrievalScenario(args.Skip(1).ToList()), new SearchScenario(), new CitationsScenario(), new AuthScenario(), new UploadScenario(), new LoadScenario(args.Skip(1).ToList()), new ChaosScenario(args.Skip(1).ToList()), new OcrScenario(), new WebAppScenario(), new CorpusScenario(args.Skip(1).ToList())];

var name = args.FirstOrDefault();
var scenario = scenarios.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
if (scenario is null)
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project LexIntel.Benchmarks -- <scenario> [options]");
    foreach (var s in scenarios)
    {
        Console.Error.WriteLine($"  {s.Name,-10} {s.Description}");
    }

    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

var result = await scenario.RunAsync(cancel.Token);
BenchmarkReport.Print(scenario, result);
var path = await BenchmarkReport.WriteAsync(scenario, result, cancel.Token);
Console.WriteLine($"\nwrote {path}");
return 0;
