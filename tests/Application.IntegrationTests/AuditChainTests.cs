using CaseManager.Application.Auditing.VerifyAuditChain;
using CaseManager.Application.People;
using CaseManager.Application.People.RegisterPerson;
using CaseManager.Domain.Auditing;
using CaseManager.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.IntegrationTests;

public sealed class AuditChainTests(CaseManagerFactory factory) : IClassFixture<CaseManagerFactory>
{
    [Fact]
    public async Task Entries_WrittenAtTheSameMoment_FormOneUnbrokenChain()
    {
        var police = await factory.ActorForAsync(DemoUsers.PoliceCaseworker);
        var fit = await factory.ActorForAsync(DemoUsers.FitKeyworker);

        await Task.WhenAll(Enumerable.Range(0, 24).Select(i =>
            factory.SendAsAsync<PersonDetailsView>(i % 2 == 0 ? police : fit, new RegisterPersonCommand("Chain", $"Link{i}", new DateOnly(1990, 1, 1)))));

        var report = await factory.SendAsAsync<AuditChainReport>(DemoUsers.InformationGovernance, new VerifyAuditChainQuery());

        report.Valid.Should().BeTrue();
        report.Entries.Should().BeGreaterThanOrEqualTo(48);
    }

    [Fact]
    public async Task AlteredEntry_NoLongerMatchesItsHash()
    {
        await factory.SendAsAsync<PersonDetailsView>(DemoUsers.PoliceCaseworker, new RegisterPersonCommand("Tamper", "Target", new DateOnly(1990, 1, 1)));
        await factory.QueryDbAsync(db => db.Database.ExecuteSqlRawAsync(
            "UPDATE AuditEntries SET ActorEmail = 'someone.else@police.demo' WHERE Action = 'person.create'"));

        var altered = await factory.QueryDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Action == "person.create").ToListAsync());

        altered.Should().OnlyContain(entry => AuditChain.HashOf(entry, entry.PreviousHash) != entry.Hash);
    }
}
