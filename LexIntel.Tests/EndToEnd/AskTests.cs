using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Aspire.Hosting.Testing;
using LexIntel.ApiService.Ask;
using LexIntel.ApiService.Identity;
using LexIntel.Shared.Data;
using Microsoft.EntityFrameworkCore;

namespace LexIntel.Tests.EndToEnd;

/// <summary>The extractive answerer (no language model configured) for real, through the running app.</summary>
[Collection(LexIntelAppCollection.Name)]
[Tier(TestTier.EndToEnd)]
public sealed partial class AskTests(LexIntelAppFixture fixture) : IndexedCaseTests(fixture, Indexed)
{
    private static readonly IndexedCase Indexed = new("Ask", () =>
    [
        IndexedCase.CourtDocument("missouri.pdf"),
    ]);

    private async Task<AskResponse> AskAsync(object request)
    {
        using var response = await Client.PostAsJsonAsync($"/api/cases/{Indexed.Case}/ask", request, Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<AskResponse>(Cancel))!;
    }

    [Fact]
    public async Task An_answerable_question_gets_quoted_sentences_each_resolving_to_a_passage_and_its_pages()
    {
        var answer = await AskAsync(new { question = "Why did Jagels claim her guilty pleas were not voluntary?" });

        Assert.Equal("extractive", answer.Kind);
        Assert.True(answer.Answered);
        Assert.StartsWith(ExtractiveAnswerer.Preamble, answer.Answer, StringComparison.Ordinal);
        Assert.Contains("coerc", answer.Answer, StringComparison.OrdinalIgnoreCase);
        var cited = ApiService.Ask.ReferenceIntegrity.CitedIn(answer.Answer);
        Assert.NotEmpty(cited);
        Assert.Equal(cited.Order(), answer.References.Select(r => r.Number).Order());
        await using var db = await Fixture.OpenDatabaseAsync();
        foreach (var reference in answer.References)
        {
            Assert.Equal("missouri.pdf", reference.DocumentName);
            Assert.Contains(reference.Quote.Split(" … ")[0], answer.Answer, StringComparison.Ordinal);

            // A reference is worth its pages only if they are the passage's and the passage says what is quoted.
            var passage = await db.DocumentChunks.AsNoTracking().SingleAsync(c => c.Id == reference.ChunkId, Cancel);
            Assert.Equal((Indexed.Documents["missouri.pdf"], passage.PageStart, passage.PageEnd), (reference.DocumentId, reference.PageStart, reference.PageEnd));
            var passageText = Whitespace().Replace(passage.Text, " ");
            Assert.All(reference.Quote.Split(" … "), sentence => Assert.Contains(sentence, passageText, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_question_the_documents_do_not_answer_is_said_to_be_unanswered()
    {
        var answer = await AskAsync(new { question = "Who won the 2018 World Cup?" });

        Assert.False(answer.Answered);
        Assert.Equal(ExtractiveAnswerer.NoAnswer, answer.Answer);
        Assert.Empty(answer.References);
    }

    [Fact]
    public async Task A_conversation_keeps_its_turns_answers_follow_ups_and_can_be_listed_and_deleted()
    {
        using var created = await Client.PostAsJsonAsync($"/api/cases/{Indexed.Case}/conversations", new { title = "Plea" }, Cancel);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var conversation = (await created.Content.ReadFromJsonAsync<ConversationResponse>(Cancel))!;

        var first = await AskAsync(new { question = "What did the court order about the clerical error in the judgment?", conversationId = conversation.Id });
        var followUp = await AskAsync(new { question = "Which rule allows correcting it?", conversationId = conversation.Id });
        var stored = (await Client.GetFromJsonAsync<ConversationResponse>($"/api/conversations/{conversation.Id}", Cancel))!;
        var listed = (await Client.GetFromJsonAsync<List<ConversationResponse>>($"/api/cases/{Indexed.Case}/conversations", Cancel))!;
        using var colleague = await Fixture.CreateTenantClientAsync(Indexed.Tenant, user: "colleague", role: Roles.Member);
        using var hidden = await colleague.GetAsync($"/api/conversations/{conversation.Id}", Cancel);

        Assert.True(first.Answered);
        Assert.Equal(conversation.Id, followUp.ConversationId);
        Assert.True(followUp.Answered, followUp.Answer);
        Assert.Contains("nunc pro tunc", followUp.Answer, StringComparison.OrdinalIgnoreCase);
        Assert.Equal([first.Question, followUp.Question], stored.Turns.Select(t => t.Question));
        Assert.Equal(first.References.Select(r => r.ChunkId), stored.Turns[0].References.Select(r => r.ChunkId));
        Assert.Contains(listed, c => c.Id == conversation.Id && c.Title == "Plea");
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);

        using var deleted = await Client.DeleteAsync($"/api/conversations/{conversation.Id}", Cancel);
        using var gone = await Client.GetAsync($"/api/conversations/{conversation.Id}", Cancel);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task The_streamed_answer_sends_passages_then_text_then_the_whole_answer()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{Indexed.Case}/ask/stream") { Content = JsonContent.Create(new { question = "Why did Jagels claim her guilty pleas were not voluntary?" }) };
        using var response = await Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, Cancel);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var events = new List<SseEvent>();
        await foreach (var e in SseEvent.ReadAsync(await response.Content.ReadAsStreamAsync(Cancel), Cancel))
        {
            events.Add(e);
        }

        Assert.Equal("passages", events[0].Type);
        Assert.True(events[0].Json.GetArrayLength() > 0);
        Assert.Equal("answer", events[^1].Type);
        var deltas = events.Where(e => e.Type == "delta").Select(e => e.Json.GetString()).ToList();
        Assert.NotEmpty(deltas);
        Assert.Equal(string.Concat(deltas), events[^1].Json.GetProperty("answer").GetString());
        Assert.True(events[^1].Json.GetProperty("answered").GetBoolean());
    }

    [Theory]
    [InlineData("{\"question\":\"\"}", HttpStatusCode.BadRequest, "A question is needed")]
    [InlineData("{\"question\":\"Why?\",\"conversationId\":\"00000000-0000-0000-0000-000000000001\"}", HttpStatusCode.NotFound, "No conversation")]
    public async Task Bad_questions_get_a_problem_that_says_why(string json, HttpStatusCode status, string expected)
    {
        using var response = await Client.PostAsync($"/api/cases/{Indexed.Case}/ask", new StringContent(json, System.Text.Encoding.UTF8, "application/json"), Cancel);

        Assert.Equal(status, response.StatusCode);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_tenant_cannot_ask_about_the_case()
    {
        using var stranger = await Fixture.CreateTenantClientAsync(Guid.NewGuid());

        using var response = await stranger.PostAsJsonAsync($"/api/cases/{Indexed.Case}/ask", new { question = "Why?" }, Cancel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    /// <summary>Quotes are sentences with their whitespace collapsed, as the answerer splits them.</summary>
    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
