using System.Text;
using CaseManager.Application.Common.Time;
using CaseManager.Domain.Agencies;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CaseManager.Application.IntegrationTests;

/// <summary>How <c>Partnership:*</c> is read from configuration.</summary>
public sealed class PartnershipOptionsTests
{
    private static readonly DataCategory[] Default =
        [DataCategory.Identity, DataCategory.Offending, DataCategory.ChildrenSafeguarding, DataCategory.EducationEmploymentBenefits];

    [Fact]
    public void DiscloseWithheldCategories_NotConfigured_IsTheDefault() =>
        Read(new Dictionary<string, string?>()).DiscloseWithheldCategories.Should().Equal(Default);

    [Fact]
    public void DiscloseWithheldCategories_ConfiguredAsAList_ReplacesTheDefault() =>
        Read(new Dictionary<string, string?> { ["Partnership:DiscloseWithheldCategories:0"] = "Offending" })
            .DiscloseWithheldCategories.Should().Equal(DataCategory.Offending);

    [Fact]
    public void DiscloseWithheldCategories_ConfiguredAsOneCommaSeparatedValue_ReplacesTheDefault() =>
        Read(new Dictionary<string, string?> { ["Partnership:DiscloseWithheldCategories"] = "identity, HealthSubstanceMisuse" })
            .DiscloseWithheldCategories.Should().Equal(DataCategory.Identity, DataCategory.HealthSubstanceMisuse);

    [Fact]
    public void DiscloseWithheldCategories_ConfiguredEmpty_DisclosesNothing() =>
        Read(new Dictionary<string, string?> { ["Partnership:DiscloseWithheldCategories"] = string.Empty })
            .DiscloseWithheldCategories.Should().BeEmpty();

    [Fact]
    public void DiscloseWithheldCategories_AsAnEmptyJsonArray_DisclosesNothing()
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes("""{ "Partnership": { "DiscloseWithheldCategories": [] } }""")))
            .Build();

        var options = Read(configuration);

        options.DiscloseWithheldCategories.Should().BeEmpty();
    }

    [Fact]
    public void DiscloseWithheldCategories_WithAnUnknownCategory_FailsToStart()
    {
        var act = () => Read(new Dictionary<string, string?> { ["Partnership:DiscloseWithheldCategories"] = "Offending,Gossip" });

        act.Should().Throw<InvalidOperationException>().WithMessage("*Gossip*");
    }

    [Fact]
    public void ExtraNonWorkingDays_Configured_MoveTheRespondByDate()
    {
        var options = Read(new Dictionary<string, string?>
        {
            ["Partnership:ExtraNonWorkingDays:0"] = "2026-12-29",
            ["Partnership:ExtraNonWorkingDays:1"] = "2026-12-30",
        });

        var calendar = new Domain.Calendar.WorkingCalendar(options.ExtraNonWorkingDays);

        calendar.SubjectAccessRespondBy(new DateOnly(2026, 11, 26)).Should().Be(new DateOnly(2026, 12, 31));
    }

    [Fact]
    public void ExtraNonWorkingDays_NotADate_FailsToStart()
    {
        var act = () => Read(new Dictionary<string, string?> { ["Partnership:ExtraNonWorkingDays:0"] = "next Tuesday" });

        act.Should().Throw<InvalidOperationException>();
    }

    private static PartnershipOptions Read(Dictionary<string, string?> settings) =>
        Read(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());

    private static PartnershipOptions Read(IConfiguration configuration)
    {
        var services = new ServiceCollection();
        services.AddApplication(configuration);
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<PartnershipOptions>>().Value;
    }
}
