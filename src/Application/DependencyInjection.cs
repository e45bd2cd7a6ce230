using CaseManager.Application.Cases;
using CaseManager.Application.Common.Access;
using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Time;
using CaseManager.Application.Reviews;
using CaseManager.Application.Users.DisableDormantAccounts;
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
        services.AddScoped<CaseGate>();
        services.AddScoped<CaseNames>();
        services.AddScoped<ReviewPlanner>();
        services.AddScoped<AfterCommit>();
        services.AddOptions<PartnershipOptions>()
            .Bind(configuration.GetSection(PartnershipOptions.Section))
            .Validate(o => o.BreakGlassHours is >= 1 and <= 168, "Partnership:BreakGlassHours must be between 1 and 168")
            .Validate(o => o.ConsentReviewMonths is >= 1 and <= 60, "Partnership:ConsentReviewMonths must be between 1 and 60")
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.TimeZone, out _), "Partnership:TimeZone must be a known time zone id")
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
        services.Configure<AccountHousekeepingOptions>(configuration.GetSection(AccountHousekeepingOptions.Section));
        return services;
    }
}

/// <summary>Marks this assembly for scanning.</summary>
public interface IApplicationMarker;
