using CaseManager.Domain.Agencies;
using CaseManager.Domain.People;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CaseManager.Infrastructure.Persistence;

internal sealed class AgencyCodeConverter() : ValueConverter<AgencyCode, string>(code => code.Value, value => AgencyCode.FromTrusted(value));

internal sealed class PersonIdConverter() : ValueConverter<PersonId, Guid>(id => id.Value, value => new PersonId(value));
