using CaseManager.Application.Auditing.VerifyAuditChain;
using CaseManager.Application.People;
using CaseManager.Application.People.GetPerson;
using CaseManager.Application.People.RegisterPerson;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.Auditing;
using CaseManager.Infrastructure.Persistence;
using CaseManager.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManager.Application.IntegrationTests;

/// <summary>ADR 0027: reads' audit entries share commits, and no read returns before its own entries are committed.</summary>
public sealed class AuditGroupCommitTests(CaseManagerFactory factory) : IClassFixture<CaseManagerFactory>
{
    [Fact]
    public async Task SavesQueuedWhileOneCommits_AreCommittedTogetherInTheOrderTheyQueued()
    {
        var group = new AuditGroupCommit();
        var commits = new List<IReadOnlyList<AuditEntry>>();
        var firstCommitMayFinish = new TaskCompletionSource();
        var firstCommitStarted = new TaskCompletionSource();
        async Task Commit(IReadOnlyList<AuditEntry> entries)
        {
            commits.Add(entries);
            if (commits.Count == 1)
            {
                firstCommitStarted.SetResult();
                await firstCommitMayFinish.Task;
            }
        }

        var leader = group.AppendAsync([Entry("read-0")], Commit);
        await firstCommitStarted.Task;
        var followers = Enumerable.Range(1, 5).Select(i => group.AppendAsync([Entry($"read-{i}a"), Entry($"read-{i}b")], Commit)).ToList();
        await Task.Delay(50);
        followers.Should().OnlyContain(f => !f.IsCompleted, "a save returns only once its own entries are committed");

        firstCommitMayFinish.SetResult();
        await Task.WhenAll(followers.Append(leader));

        commits.Should().HaveCount(2, "the five saves that queued during the first commit share the next one");
        commits[1].Select(e => e.Action).Should().Equal(Enumerable.Range(1, 5).SelectMany(i => new[] { $"read-{i}a", $"read-{i}b" }));
        group.Commits.Should().Be(2);
    }

    [Fact]
    public async Task AGroupWhoseCommitFails_FailsEverySaveInIt()
    {
        var group = new AuditGroupCommit();
        var firstCommitMayFinish = new TaskCompletionSource();
        var firstCommitStarted = new TaskCompletionSource();
        var calls = 0;
        async Task Commit(IReadOnlyList<AuditEntry> entries)
        {
            if (++calls == 1)
            {
                firstCommitStarted.SetResult();
                await firstCommitMayFinish.Task;
                return;
            }

            throw new InvalidOperationException("disk full");
        }

        var leader = group.AppendAsync([Entry("ok")], Commit);
        await firstCommitStarted.Task;
        var failing = Enumerable.Range(0, 3).Select(i => group.AppendAsync([Entry($"lost-{i}")], Commit)).ToList();
        firstCommitMayFinish.SetResult();

        await leader;
        foreach (var save in failing)
        {
            await save.Invoking(s => s).Should().ThrowAsync<InvalidOperationException>().WithMessage("disk full");
        }

        group.Commits.Should().Be(1);
    }

    [Fact]
    public async Task ConcurrentReads_AreEachAuditedBeforeTheyReturn_AndTheChainVerifies()
    {
        var person = await factory.SendAsAsync<PersonDetailsView>(DemoUsers.PoliceCaseworker, new RegisterPersonCommand("Group", "Commit", new DateOnly(1990, 1, 1)));
        var police = await factory.ActorForAsync(DemoUsers.PoliceCaseworker);
        var group = factory.Services.GetRequiredService<AuditGroupCommit>();
        var commitsBefore = group.Commits;
        var readsBefore = await ReadsOfAsync(person.Id);

        var reads = await Task.WhenAll(Enumerable.Range(0, 40).Select(async _ =>
        {
            var read = await factory.SendAsAsync<PersonDetailsView>(police, new GetPersonQuery(new Domain.People.PersonId(person.Id)));

            // Returned, so its entry is committed: a new connection sees at least this many.
            return (read, entriesSeen: await ReadsOfAsync(person.Id));
        }));

        reads.Should().OnlyContain(r => r.read.Id == person.Id && r.entriesSeen > readsBefore);
        (await ReadsOfAsync(person.Id)).Should().Be(readsBefore + 40);
        group.Commits.Should().BeGreaterThan(commitsBefore, "the reads' entries went through the group commit");
        var report = await factory.SendAsAsync<AuditChainReport>(DemoUsers.InformationGovernance, new VerifyAuditChainQuery());
        report.Valid.Should().BeTrue($"the first broken entry was {report.FirstInvalidEntry}");
    }

    private Task<int> ReadsOfAsync(Guid personId) =>
        factory.QueryDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "person.read" && a.SubjectPersonId == personId));

    private static AuditEntry Entry(string action) =>
        AuditEntry.Record(new AuditFacts(Guid.NewGuid(), "reader@police.demo", AgencyCode.Parse("POLICE"), action, AuditOutcome.Allowed, AccessRule.Owner), DateTimeOffset.UtcNow);
}
