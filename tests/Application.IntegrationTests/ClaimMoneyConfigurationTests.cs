using CaseManager.Application.Claims;
using CaseManager.Domain.Claims;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CaseManager.Application.IntegrationTests;

/// <summary>
/// The money tables (DOMAIN.md TF3, TF4) bound from configuration as the service binds them: a configured phase
/// replaces that phase's defaults and leaves the other phase's, and a table a claim could not be priced from stops the
/// service at start rather than failing a claim inside its background job.
/// </summary>
public sealed class ClaimMoneyConfigurationTests
{
    private static ClaimOptions Bind(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        var services = new ServiceCollection().AddApplication(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<ClaimOptions>>().Value;
    }

    private static (string, string)[] PhaseTwo(params (string Share, string Value)[] shares) =>
    [
        ("TroubledFamilies:Money:Phases:0:Phase", "2"),
        ("TroubledFamilies:Money:Phases:0:Years:0:FinancialYear", "2015"),
        ("TroubledFamilies:Money:Phases:0:Years:0:AttachmentFee", "1200"),
        ("TroubledFamilies:Money:Phases:0:Years:0:ResultsElement", "900.50"),
        .. shares.Select(s => ($"TroubledFamilies:Money:Phases:0:ResultShares:{s.Share}", s.Value)),
    ];

    [Fact]
    public void NothingConfigured_GivesTheDefaultTables()
    {
        var money = Bind().MoneyTable();

        money.AmountFor(1, ClaimOutcome.Attachment, new DateOnly(2012, 6, 1)).Should().Be(3200.00m);
        money.AmountFor(2, ClaimOutcome.ContinuousEmployment, new DateOnly(2016, 6, 1)).Should().Be(800.00m);
    }

    [Fact]
    public void OnePhaseConfigured_ReplacesThatPhase_AndTheOtherKeepsItsDefaults()
    {
        var money = Bind(PhaseTwo(("SignificantAndSustainedProgress", "1"), ("ContinuousEmployment", "0.5"))).MoneyTable();

        money.AmountFor(2, ClaimOutcome.Attachment, new DateOnly(2016, 6, 1)).Should().Be(1200.00m);
        money.AmountFor(2, ClaimOutcome.SignificantAndSustainedProgress, new DateOnly(2016, 6, 1)).Should().Be(900.50m);
        money.AmountFor(2, ClaimOutcome.ContinuousEmployment, new DateOnly(2016, 6, 1)).Should().Be(450.25m);
        money.AmountFor(1, ClaimOutcome.Attachment, new DateOnly(2013, 6, 1)).Should().Be(2400.00m, "phase 1 was not configured and keeps TF3's table");
        money.AmountFor(1, ClaimOutcome.ProgressToWork, new DateOnly(2014, 6, 1)).Should().Be(300.00m);
    }

    [Theory]
    [InlineData("SignificantAndSustainedProgress", "no share for ContinuousEmployment")]
    [InlineData("ContinuousEmployment", "no share for SignificantAndSustainedProgress")]
    public void APhaseWithoutAShareForAResultItPaysFor_StopsTheServiceAtStart(string onlyShare, string problem)
    {
        var bind = () => Bind(PhaseTwo((onlyShare, "1")));

        bind.Should().Throw<OptionsValidationException>().Which.Message.Should().Contain("TroubledFamilies:Money must give each configured phase");
        new ClaimOptions
        {
            Money = new MoneyOptions
            {
                Phases = [new PhaseMoneyOptions { Phase = 2, Years = [new YearMoneyOptions { FinancialYear = 2015, AttachmentFee = 1, ResultsElement = 1 }], ResultShares = new() { [Enum.Parse<ClaimOutcome>(onlyShare)] = 1 } }],
            },
        }.MoneyTableProblems().Should().ContainSingle().Which.Should().EndWith(problem);
    }

    [Theory]
    [InlineData("TroubledFamilies:Money:Phases:0:ResultShares:ProgressToWork", "0.1", "does not pay for ProgressToWork")]
    [InlineData("TroubledFamilies:Money:Phases:0:Phase", "3", "phase 3 is not a phase of the programme")]
    public void AShareForAResultThePhaseDoesNotPay_OrAnUnknownPhase_StopsTheServiceAtStart(string key, string value, string problem)
    {
        var settings = PhaseTwo(("SignificantAndSustainedProgress", "1"), ("ContinuousEmployment", "1")).Where(s => s.Item1 != key).Append((key, value)).ToArray();

        var bind = () => Bind(settings);

        bind.Should().Throw<OptionsValidationException>();
        var options = new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Item1, s.Item2))).Build()
            .GetSection(ClaimOptions.Section).Get<ClaimOptions>()!;
        options.MoneyTableProblems().Should().ContainSingle().Which.Should().Contain(problem);
    }

    [Fact]
    public void ANegativeAmount_StopsTheServiceAtStart()
    {
        var settings = PhaseTwo(("SignificantAndSustainedProgress", "1"), ("ContinuousEmployment", "1"))
            .Select(s => s.Item1.EndsWith("AttachmentFee", StringComparison.Ordinal) ? (s.Item1, "-1") : s).ToArray();

        var bind = () => Bind(settings);

        bind.Should().Throw<OptionsValidationException>().Which.Message.Should().Contain("amounts of 0 or more");
    }
}
