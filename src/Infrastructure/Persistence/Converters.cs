using CaseManager.Domain.Agencies;
using CaseManager.Domain.People;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CaseManager.Infrastructure.Persistence;

internal sealed class AgencyCodeConverter() : ValueConverter<AgencyCode, string>(code => code.Value, value => AgencyCode.FromTrusted(value));

internal sealed class PersonIdConverter() : ValueConverter<PersonId, Guid>(id => id.Value, value => new PersonId(value));

internal sealed class CaseIdConverter() : ValueConverter<CaseManager.Domain.Cases.CaseId, Guid>(id => id.Value, value => new CaseManager.Domain.Cases.CaseId(value));

internal sealed class SharingAgreementIdConverter() : ValueConverter<CaseManager.Domain.Sharing.SharingAgreementId, Guid>(id => id.Value, value => new CaseManager.Domain.Sharing.SharingAgreementId(value));

internal sealed class ConsentIdConverter() : ValueConverter<CaseManager.Domain.Sharing.ConsentId, Guid>(id => id.Value, value => new CaseManager.Domain.Sharing.ConsentId(value));

internal sealed class BreakGlassGrantIdConverter() : ValueConverter<CaseManager.Domain.Sharing.BreakGlassGrantId, Guid>(id => id.Value, value => new CaseManager.Domain.Sharing.BreakGlassGrantId(value));

internal sealed class InterventionIdConverter() : ValueConverter<CaseManager.Domain.Interventions.InterventionId, Guid>(id => id.Value, value => new CaseManager.Domain.Interventions.InterventionId(value));

internal sealed class OffenceIdConverter() : ValueConverter<CaseManager.Domain.Offending.OffenceId, Guid>(id => id.Value, value => new CaseManager.Domain.Offending.OffenceId(value));

internal sealed class ReviewIdConverter() : ValueConverter<CaseManager.Domain.Reviews.ReviewId, Guid>(id => id.Value, value => new CaseManager.Domain.Reviews.ReviewId(value));

internal sealed class HouseholdIdConverter() : ValueConverter<CaseManager.Domain.Households.HouseholdId, Guid>(id => id.Value, value => new CaseManager.Domain.Households.HouseholdId(value));

internal sealed class ClaimIdConverter() : ValueConverter<CaseManager.Domain.Claims.ClaimId, Guid>(id => id.Value, value => new CaseManager.Domain.Claims.ClaimId(value));

internal sealed class ClaimLineIdConverter() : ValueConverter<CaseManager.Domain.Claims.ClaimLineId, Guid>(id => id.Value, value => new CaseManager.Domain.Claims.ClaimLineId(value));
