using CaseManager.Application.Common.Security;
using CaseManager.Application.Users.DisableDormantAccounts;
using CaseManager.Domain.Auditing;
using CaseManager.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.IntegrationTests;

public sealed class HousekeepingTests(CaseManagerFactory factory) : IClassFixture<CaseManagerFactory>
{
    [Fact]
    public async Task DisableDormantAccounts_DisablesUnusedAccountsOnceAndKeepsAnAdministrator()
    {
        var nothingYet = await factory.SendAsAsync<int>(Actor.System, new DisableDormantAccountsCommand());
        factory.Clock.Advance(TimeSpan.FromDays(91));

        var disabled = await factory.SendAsAsync<int>(Actor.System, new DisableDormantAccountsCommand());
        var again = await factory.SendAsAsync<int>(Actor.System, new DisableDormantAccountsCommand());

        nothingYet.Should().Be(0);
        disabled.Should().Be(13, "all fourteen demo users are dormant, but the only administrator is kept");
        again.Should().Be(0);
        var administrator = await factory.QueryDbAsync(db => db.Users.SingleAsync(u => u.Email == DemoUsers.Administrator));
        administrator.IsDisabled.Should().BeFalse();
        (await factory.QueryDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "user.disable-dormant" && a.Rule == AccessRule.System)))
            .Should().Be(13);
    }
}
