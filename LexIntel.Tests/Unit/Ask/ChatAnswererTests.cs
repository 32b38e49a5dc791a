using LexIntel.ApiService.Ask;
using LexIntel.ApiService.Search;
using LexIntel.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LexIntel.Tests.Unit.Ask;

/// <summary>
/// The generated path against a local server speaking the OpenAI chat-completions wire protocol
/// (<see cref="LocalChatModel"/>, plain and streamed), configured the way a deployment configures it: the <c>chat</c>
/// connection string.
/// </summary>
[Tier(TestTier.Integration)]
public sealed class ChatAnswererTests : IAsyncLifetime
{
    /// <summary>What the fake model answers: one valid reference, one to a passage it was never given.</summary>
    private const string ModelAnswer = "She pleaded knowingly and voluntarily [1]; the written judgment misdescribed a count [2]. Counsel coerced her [9].";

    private LocalChatModel model = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static readonly SearchHit[] Passages =
    [
        Hit("Thus, Jagels fails to rebut the presumption that her plea was both knowing and voluntary.", 3),
        Hit("A clerical error in the written judgment's description of one of Jagels' convictions requires that we remand.", 5),
    ];

    private static SearchHit Hit(string text, int page) =>
        new(Guid.NewGuid(), Guid.NewGuid(), "missouri.pdf", Guid.NewGuid(), page, page, text, text, new SearchScore(0.03, 1, 0.5, 1, 0.8), []);

    public async ValueTask InitializeAsync()
    {
        model = await LocalChatModel.StartAsync(Cancel);
        model.Reply = _ => ModelAnswer;
    }

    public async ValueTask DisposeAsync() => await model.DisposeAsync();

    private IAnswerer CreateAnswerer()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["ConnectionStrings:chat"] = model.ConnectionString;
        builder.AddAsk();
        return builder.Build().Services.CreateScope().ServiceProvider.GetRequiredService<IAnswerer>();
    }

    [Fact]
    public async Task The_model_gets_the_rules_the_numbered_passages_and_the_history_and_its_invented_reference_is_removed()
    {
        var answerer = CreateAnswerer();

        var answer = await answerer.AnswerAsync("Was her plea voluntary?", Passages, [new ConversationTurnText("Who appealed?", "Jagels appealed [1].")], Cancel);

        Assert.IsType<ChatAnswerer>(answerer);
        Assert.Equal(Answer.Generated, answer.Kind);
        Assert.True(answer.Answered);
        Assert.Equal("She pleaded knowingly and voluntarily [1]; the written judgment misdescribed a count [2]. Counsel coerced her.", answer.Text);
        Assert.Equal([1, 2], answer.References.Select(r => r.Number));
        Assert.Equal(Passages[1].ChunkId, answer.References[1].ChunkId);
        Assert.Equal(5, answer.References[1].PageStart);

        var request = Assert.Single(model.Requests);
        Assert.Equal("test-model", request["model"]!.GetValue<string>());
        Assert.Equal(0, request["temperature"]!.GetValue<double>());
        var messages = LocalChatModel.Messages(request);
        Assert.Equal(["system", "user", "assistant", "user"], messages.Select(m => m.Role));
        Assert.Contains("ONLY the numbered passages", messages[0].Content, StringComparison.Ordinal);
        Assert.Contains("Who appealed?", messages[1].Content, StringComparison.Ordinal);
        Assert.Contains("[2] missouri.pdf, page 5", messages[3].Content, StringComparison.Ordinal);
        Assert.Contains("Question: Was her plea voluntary?", messages[3].Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_streamed_answer_never_shows_the_invented_reference_and_ends_with_the_whole_answer()
    {
        var parts = new List<AnswerPart>();
        await foreach (var part in CreateAnswerer().StreamAsync("Was her plea voluntary?", Passages, [], Cancel))
        {
            parts.Add(part);
        }

        var streamed = string.Concat(parts.Select(p => p.Delta));
        Assert.True(parts.Count(p => p.Delta is not null) > 5, "the answer arrived in pieces");
        Assert.DoesNotContain("[9]", streamed, StringComparison.Ordinal);
        Assert.StartsWith("She pleaded knowingly and voluntarily [1]", streamed, StringComparison.Ordinal);
        var final = Assert.Single(parts, p => p.Final is not null).Final!;
        Assert.Same(parts[^1].Final, final);
        Assert.Equal([1, 2], final.References.Select(r => r.Number));
        Assert.DoesNotContain("[9]", final.Text, StringComparison.Ordinal);
    }
}
