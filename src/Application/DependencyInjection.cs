using CaseManager.Application.Common.Access;
using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Time;
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
        services.AddScoped<AfterCommit>();
        services.AddOptions<PartnershipOptions>()
            .Bind(configuration.GetSection(PartnershipOptions.Section))
            .Validate(o => o.BreakGlassHours is >= 1 and <= 168, "Partnership:BreakGlassHours must be between 1 and 168")
            .Validate(o => o.ConsentReviewMonths is >= 1 and <= 60, "Partnership:ConsentReviewMonths must be between 1 and 60")
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.TimeZone, out _), "Partnership:TimeZone must be a known time zone id")
            .ValidateOnStart();
        services.AddSingleton<PartnershipClock>();
        services.Configure<AccountHousekeepingOptions>(configuration.GetSection(AccountHousekeepingOptions.Section));
        return services;
    }
}

/// <summary>Marks this assembly for scanning.</summary>
public interface IApplicationMarker;
