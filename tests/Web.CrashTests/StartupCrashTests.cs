namespace CaseManager.Web.CrashTests;

/// <summary>
/// A start killed part way (SIGKILL) must not stop the next start: neither a migration lock left behind nor demo
/// data seeded half way (docs/admin-guide.md, "Starting after a crash").
/// </summary>
public sealed class StartupCrashTests
{
    private const string LockRow = "SELECT COUNT(*) FROM \"__EFMigrationsLock\"";

    private const string LockRowOrSchema =
        "SELECT (SELECT COUNT(*) FROM \"__EFMigrationsLock\") + (SELECT COUNT(*) FROM sqlite_master WHERE name = 'People')";

    /// <summary>1 once the last migration created the People table and EF Core released its lock.</summary>
    private const string MigratedAndLockFree =
        "SELECT (SELECT COUNT(*) FROM sqlite_master WHERE name = 'People') * (SELECT COUNT(*) = 0 FROM \"__EFMigrationsLock\")";

    [Fact]
    public async Task KilledWhileMigrating_NextStartClearsTheStaleLockAndBecomesReady()
    {
        // Migrating a fresh database takes a second or two; the kill must land while EF Core holds its lock row.
        for (var attempt = 1; ; attempt++)
        {
            using var instance = new AppInstance();
            var first = instance.Start();
            // Kill the moment EF Core's lock row is there (or, if the watch missed it, the schema is in place).
            await instance.WatchAsync(LockRowOrSchema, first, AppProcess.StartTimeout);
            first.Kill();
            if (instance.Scalar(LockRow) != 1)
            {
                attempt.Should().BeLessThan(5, "the kill should land during a migration in one of five tries");
                continue;
            }

            var second = instance.Start();
            await second.WaitUntilReadyAsync();

            second.Output.Should().Contain("Removed a stale EF Core migration lock");
            instance.Scalar(LockRow).Should().Be(0);
            instance.Count("People").Should().Be(42, "the restarted instance migrated and seeded as a first start does");
            return;
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(300)]
    [InlineData(1000)]
    public async Task KilledWhileSeeding_NextStartCompletesTheDemoData(int millisecondsAfterMigrating)
    {
        using var instance = new AppInstance();
        var first = instance.Start();
        (await Database.EventuallyAsync(() => instance.Scalar(MigratedAndLockFree) > 0, AppProcess.StartTimeout, everyMilliseconds: 5))
            .Should().BeTrue("the first start migrates. Output:\n" + first.Output);

        // 0: kill the moment any demo person can be seen (before seeding was one transaction, that was before any
        // case was written). Otherwise kill part way through seeding, or when the people appear if that is sooner.
        var watch = millisecondsAfterMigrating == 0 ? AppProcess.StartTimeout : TimeSpan.FromMilliseconds(millisecondsAfterMigrating);
        await instance.WatchAsync("SELECT COUNT(*) FROM People", first, watch);
        first.Kill();
        var peopleAfterKill = instance.Scalar("SELECT COUNT(*) FROM People") ?? 0;
        var casesAfterKill = instance.Scalar("SELECT COUNT(*) FROM Cases") ?? 0;
        (peopleAfterKill == 0 || casesAfterKill > 0).Should().BeTrue($"seeding is all or nothing, but a kill left {peopleAfterKill} people and {casesAfterKill} cases");

        var second = instance.Start();
        await second.WaitUntilReadyAsync();

        // The complete demo partnership (DemoSeeder): every part of it, once.
        instance.Count("Agencies").Should().Be(11);
        instance.Count("AspNetUsers").Should().Be(14);
        instance.Count("AspNetUserRoles").Should().Be(14);
        instance.Count("People").Should().Be(42);
        instance.Count("Cases").Should().Be(32);
        instance.Count("SharingAgreements").Should().Be(3);
        instance.Count("Consents").Should().Be(2);
        instance.Count("Reviews").Should().Be(23);
    }

    [Fact]
    public async Task TwoInstancesStartingAtOnceOnOneDatabase_BothBecomeReadyAndSeedOnce()
    {
        using var instance = new AppInstance();
        var first = instance.Start();
        var second = instance.Start();

        await Task.WhenAll(first.WaitUntilReadyAsync(), second.WaitUntilReadyAsync());

        instance.Count("People").Should().Be(42);
        instance.Count("Agencies").Should().Be(11);
        instance.Scalar(LockRow).Should().Be(0);
    }
}
