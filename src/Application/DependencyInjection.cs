using System.Globalization;
using CaseManager.Application.Cases;
using CaseManager.Application.Common.Access;
using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Idempotency;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Time;
using CaseManager.Application.Reviews;
using CaseManager.Application.Treatment;
using CaseManager.Application.TroubledFamilies;
using CaseManager.Application.Users.DisableDormantAccounts;
using CaseManager.Domain.Agencies;
using FluentValidation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManager.Application;

public static class DependencyInjection
{
    /// <summary>Registers the application's own services. The mediator and its behaviours are added by the host.</summary>
    public static IServiceCollection AddApplication(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatorsFromAssemblyContaining<IApplicationMarker>(ServiceLifetime.Scoped, includeInternalTypes: false);
        services.AddScoped<IRecordAccess, RecordAccess>();
        services.AddScoped<IAuditTrail, AuditTrail>();
        services.AddScoped<PersonGate>();
        services.AddScoped<People.GetTimeline.TimelineReader>();
        services.AddScoped<CaseGate>();
        services.AddScoped<CaseNames>();
        services.AddScoped<Households.HouseholdReads>();
        services.AddScoped<Households.FamilyCases>();
        services.AddScoped<Families.FamilyCaseRecords>();
        services.AddScoped<TroubledFamilies.ListTroubledFamilies.TroubledFamiliesList>();
        services.AddScoped<ReviewPlanner>();
        services.AddScoped<AfterCommit>();
        services.AddScoped<IdempotentRequest>();
        services.AddScoped<IdempotencyStore>();
        services.AddScoped<TreatmentEpisodes>();
        services.AddScoped<Claims.ClaimReads>();
        services.AddScoped<Claims.FamilyEvidenceReader>();
        services.AddScoped<Claims.ClaimResultsReader>();
        var partnership = configuration.GetSection(PartnershipOptions.Section);
        services.AddOptions<PartnershipOptions>()
            .Bind(partnership)
            .PostConfigure(o =>
            {
                o.DiscloseWithheldCategories = DisclosedCategories(partnership) ?? o.DiscloseWithheldCategories;
                o.ExtraNonWorkingDays = ExtraNonWorkingDays(partnership) ?? o.ExtraNonWorkingDays;
            })
            .Validate(o => o.BreakGlassHours is >= 1 and <= 168, "Partnership:BreakGlassHours must be between 1 and 168")
            .Validate(o => o.ConsentReviewMonths is >= 1 and <= 60, "Partnership:ConsentReviewMonths must be between 1 and 60")
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.TimeZone, out _), "Partnership:TimeZone must be a known time zone id")
            .Validate(o => o.ExtraNonWorkingDays.TrueForAll(d => d.Year is >= 1900 and <= 2199), "Partnership:ExtraNonWorkingDays must be dates (yyyy-mm-dd) between 1900 and 2199")
            .ValidateOnStart();
        services.AddSingleton<PartnershipClock>();
        services.AddOptions<IomOptions>()
            .Bind(configuration.GetSection(IomOptions.Section))
            .Validate(o => o.CohortList.All(c => !string.IsNullOrWhiteSpace(c)), "Iom:Cohorts may not contain empty names")
            .Validate(o => o.TierList.All(t => !string.IsNullOrWhiteSpace(t)), "Iom:Tiers may not contain empty names")
            .Validate(o => o.NoOffendingExitMonths is >= 1 and <= 36, "Iom:NoOffendingExitMonths must be between 1 and 36")
            .ValidateOnStart();
        services.AddOptions<ReviewOptions>()
            .Bind(configuration.GetSection(ReviewOptions.Section))
            .Validate(o => o.IntervalDays.Values.All(d => d is >= 1 and <= 366), "Reviews:IntervalDays must be between 1 and 366 days")
            .Validate(o => o.ReminderWindowDays is >= 0 and <= 90, "Reviews:ReminderWindowDays must be between 0 and 90")
            .Validate(o => o.EscalationRepeatDays is >= 1 and <= 90, "Reviews:EscalationRepeatDays must be between 1 and 90")
            .Validate(o => o.ExitDecisionDays is >= 1 and <= 90, "Reviews:ExitDecisionDays must be between 1 and 90")
            .Validate(o => o.JobPageSize is >= 1 and <= 5000, "Reviews:JobPageSize must be between 1 and 5000")
            .ValidateOnStart();
        services.AddOptions<TreatmentOptions>()
            .Bind(configuration.GetSection(TreatmentOptions.Section))
            .Validate(o => o.LongTermYears is >= 1 and <= 20, "Treatment:LongTermYears must be between 1 and 20")
            .Validate(o => o.RepresentationDays is >= 1 and <= 730, "Treatment:RepresentationDays must be between 1 and 730")
            .ValidateOnStart();
        services.AddOptions<Reports.PartnershipReport.ReportOptions>()
            .Bind(configuration.GetSection(Reports.PartnershipReport.ReportOptions.Section))
            .Validate(o => o.SuppressBelow is >= 1 and <= 100, "Reports:SuppressBelow must be between 1 and 100")
            .ValidateOnStart();
        services.AddOptions<Claims.ClaimOptions>()
            .Bind(configuration.GetSection(Claims.ClaimOptions.Section))
            .Validate(o => o.Allocation is >= 1 and <= 1_000_000, "TroubledFamilies:Allocation must be between 1 and 1000000")
            .Validate(o => o.SpotCheckShare is > 0 and <= 1, "TroubledFamilies:SpotCheckShare must be more than 0 and at most 1")
            .Validate(o => o.PreparationBatchSize is >= 1 and <= 5000, "TroubledFamilies:PreparationBatchSize must be between 1 and 5000")
            .Validate(o => MoneyTableIsValid(o), "TroubledFamilies:Money must list, for each phase, years with amounts of 0 or more and result shares from 0 to 1")
            .Validate(
                o => o.MoneyTableProblems().Count == 0,
                "TroubledFamilies:Money must give each configured phase (1 or 2) a share for every result it pays for, and no other: phase 1 CrimeAsbEducation, ContinuousEmployment and ProgressToWork; phase 2 SignificantAndSustainedProgress and ContinuousEmployment")
            .Validate(o => o.PreparationStalledAfter >= TimeSpan.FromMinutes(1) && o.PreparationStalledAfter <= TimeSpan.FromDays(7), "TroubledFamilies:PreparationStalledAfter must be between 00:01:00 and 7.00:00:00")
            .Validate(o => o.PreparationRequeues is >= 0 and <= 100, "TroubledFamilies:PreparationRequeues must be between 0 and 100")
            .ValidateOnStart();
        var troubledFamilies = configuration.GetSection(TroubledFamiliesOptions.Section);
        services.AddOptions<TroubledFamiliesOptions>()
            .Bind(troubledFamilies)
            .PostConfigure(o => o.LocalCriteria = LocalCriteria(troubledFamilies) ?? o.LocalCriteria)
            .Validate(o => o.LocalCriteria.TrueForAll(c => c.Length is >= 1 and <= 40 && c.All(char.IsAsciiLetterOrDigit)), "TroubledFamilies:LocalCriteria must be codes of 1 to 40 letters and digits")
            .Validate(o => o.LocalCriteria.TrueForAll(c => o.CategoryOf(c) is not null), "TroubledFamilies:LocalCriterionCategories must give the data category of every local criterion other than the five known ones")
            .ValidateOnStart();
        services.AddOptions<Domain.TroubledFamilies.EligibilityOptions>()
            .Bind(troubledFamilies.GetSection("Eligibility"))
            .Validate(o => new[] { o.Phase1, o.Phase2 }.All(t => t.LookbackMonths is >= 1 and <= 36 && t.Terms is >= 1 and <= 9
                && t.FixedTermExclusions is >= 1 and <= 20 && t.AbsencePercent is > 0 and <= 100 && t.HeadlineProblemsNeeded is >= 1 and <= 6),
                "TroubledFamilies:Eligibility: LookbackMonths 1-36, Terms 1-9, FixedTermExclusions 1-20, AbsencePercent above 0 up to 100, HeadlineProblemsNeeded 1-6")
            .ValidateOnStart();
        services.AddOptions<Domain.TroubledFamilies.ResultsOptions>()
            .Bind(troubledFamilies.GetSection("Results"))
            .Configure<Microsoft.Extensions.Options.IOptions<Domain.TroubledFamilies.EligibilityOptions>>((results, eligibility) => results.Eligibility = eligibility.Value)
            .Validate(o => new[] { o.Phase1, o.Phase2 }.All(t => t.MeasureMonths is >= 1 and <= 36 && t.AsbReductionPercent is > 0 and <= 100
                && t.OffendingReductionPercent is > 0 and <= 100 && t.Terms is >= 1 and <= 9 && t.FixedTermExclusions is >= 1 and <= 20
                && t.AbsencePercent is > 0 and <= 100 && t.SchoolLeavingAge is >= 14 and <= 19 && t.BenefitBeforeEntryMonths is >= 0 and <= 36
                && t.ContinuousWeeks is >= 1 and <= 104 && t.JsaWeeksInWork >= 1 && t.JsaWeeksInWork <= t.JsaWindowWeeks && t.JsaWindowWeeks <= 104
                && t.OtherWeeksInWork >= 1 && t.OtherWeeksInWork <= t.OtherWindowWeeks && t.OtherWindowWeeks <= 104),
                "TroubledFamilies:Results: months 1-36, percentages above 0 up to 100, weeks in work no more than their window (at most 104)")
            .ValidateOnStart();
        services.AddScoped<IFamilyFactsReader, FamilyFactsReader>();
        services.AddScoped<IClaimedOutcomes, SubmittedClaimedOutcomes>();
        services.Configure<AccountHousekeepingOptions>(configuration.GetSection(AccountHousekeepingOptions.Section));
        return services;
    }

    private static bool MoneyTableIsValid(Claims.ClaimOptions options)
    {
        try
        {
            _ = options.MoneyTable();
            return true;
        }
        catch (Domain.Common.DomainRuleException)
        {
            return false;
        }
    }

    /// <summary>
    /// <c>Partnership:DiscloseWithheldCategories</c> as configured, replacing the default rather than adding to it
    /// as binding a list does. Null when the key is not set: keep the default.
    /// </summary>
    private static List<DataCategory>? DisclosedCategories(IConfigurationSection partnership) =>
        ConfiguredList<DataCategory>(partnership, nameof(PartnershipOptions.DiscloseWithheldCategories), value =>
            Enum.TryParse<DataCategory>(value, ignoreCase: true, out var category) && Enum.IsDefined(category) ? category : null);

    /// <summary><c>TroubledFamilies:LocalCriteria</c> as configured, replacing the default list.</summary>
    private static List<string>? LocalCriteria(IConfigurationSection troubledFamilies)
    {
        var section = troubledFamilies.GetChildren().FirstOrDefault(c => string.Equals(c.Key, nameof(TroubledFamiliesOptions.LocalCriteria), StringComparison.OrdinalIgnoreCase));
        if (section is null)
        {
            return null;
        }

        var items = section.GetChildren().ToList();
        var values = items.Count > 0
            ? items.Select(i => (i.Value ?? string.Empty).Trim())
            : (section.Value ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return values.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary><c>Partnership:ExtraNonWorkingDays</c>, each a yyyy-mm-dd date; binding would skip one it cannot read.</summary>
    private static List<DateOnly>? ExtraNonWorkingDays(IConfigurationSection partnership) =>
        ConfiguredList<DateOnly>(partnership, nameof(PartnershipOptions.ExtraNonWorkingDays), value =>
            DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null);

    /// <summary>
    /// A list setting: items (<c>:0</c>, <c>:1</c>, ... or a JSON array) or one comma-separated value. An empty
    /// value or an empty JSON array is an empty list; null when the key is not set at all. A value that cannot be
    /// read stops the start, rather than being skipped.
    /// </summary>
    private static List<T>? ConfiguredList<T>(IConfigurationSection partnership, string key, Func<string, T?> parse)
        where T : struct
    {
        var section = partnership.GetChildren().FirstOrDefault(c => string.Equals(c.Key, key, StringComparison.OrdinalIgnoreCase));
        if (section is null)
        {
            return null;
        }

        var items = section.GetChildren().ToList();
        var values = items.Count > 0
            ? items.Select(i => (i.Value ?? string.Empty).Trim())
            : (section.Value ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return values
            .Select(value => parse(value) ?? throw new InvalidOperationException($"{PartnershipOptions.Section}:{key}: '{value}' cannot be read"))
            .Distinct()
            .ToList();
    }
}

/// <summary>Marks this assembly for scanning.</summary>
public interface IApplicationMarker;
