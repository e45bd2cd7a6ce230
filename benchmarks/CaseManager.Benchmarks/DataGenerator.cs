using System.Diagnostics;
using System.Globalization;
using CaseManager.Application.Common.Security;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.Cases;
using CaseManager.Domain.People;
using CaseManager.Domain.Sharing;
using CaseManager.Infrastructure.Persistence;
using CaseManager.Infrastructure.Seeding;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CaseManager.Benchmarks;

/// <summary>
/// Makes a partnership-sized SQLite file: the demo agencies and schemes, a handful of agreements, 100,000 people
/// with ten cases each (the "records" until interventions exist), consents and break-glass grants. The schema
/// comes from the real migrations. The few aggregates with rules of their own (agencies, agreements, grants) go
/// through the domain and EF; people, cases and consents are bulk-inserted with prepared SQL in one transaction,
/// in the encodings read back from rows EF wrote, because EF would take many minutes for a million rows.
/// </summary>
public sealed class DataGenerator(int people = 100_000, int casesPerPerson = 10, int seed = 20261126)
{
    private static readonly string[] GivenNames =
    [
        "Adam", "Amy", "Ben", "Beth", "Callum", "Chloe", "Dan", "Dawn", "Ellie", "Ethan", "Faye", "Gary", "Hannah", "Ian",
        "Jade", "Jayden", "Karen", "Kyle", "Leah", "Liam", "Mia", "Nathan", "Olivia", "Paul", "Rachel", "Ryan", "Sophie",
        "Tom", "Tyler", "Zoe",
    ];

    private static readonly string[] FamilyNames =
    [
        "Allen", "Ashby", "Bell", "Brown", "Carr", "Clark", "Dixon", "Elliott", "Foster", "Graham", "Hall", "Harrison",
        "Hughes", "Jackson", "Kirkbride", "Lee", "Marsh", "Milburn", "Nixon", "Parker", "Robson", "Scott", "Smith",
        "Tindall", "Turner", "Walker", "Watson", "Wilson", "Wood", "Young",
    ];

    private static readonly string[] Streets = ["Bondgate", "Cockerton Green", "Coniscliffe Road", "Eastbourne Road", "Firthmoor Crescent", "Skerne Park"];

    /// <summary>Which agencies work each scheme's cases, and how often.</summary>
    private static readonly Dictionary<Scheme, (string Agency, int Weight)[]> Owners = new()
    {
        [Scheme.Iom] = [("POLICE", 45), ("PROBATION", 40), ("DAAT", 15)],
        [Scheme.Fit] = [("FIT", 55), ("HOUSING", 10), ("CSC", 10), ("DAAT", 8), ("YOS", 9), ("EVOLUTION", 8)],
        [Scheme.HighImpactHousehold] = [("FIT", 50), ("HOUSING", 25), ("CSC", 25)],
        [Scheme.TroubledFamilies] = [("FIT", 30), ("HOUSING", 15), ("CSC", 15), ("DAAT", 10), ("YOS", 10), ("COUNCIL", 20)],
        [Scheme.AdultTreatment] = [("DAAT", 65), ("NECA", 35)],
        [Scheme.YoungPeopleTreatment] = [("SWITCH", 100)],
    };

    /// <summary>People come in three broad kinds, each mostly in its own schemes.</summary>
    private static readonly (int Share, (Scheme Scheme, int Weight)[] Schemes)[] Cohorts =
    [
        (30, [(Scheme.Iom, 60), (Scheme.AdultTreatment, 25), (Scheme.TroubledFamilies, 10), (Scheme.Fit, 5)]),
        (45, [(Scheme.Fit, 35), (Scheme.HighImpactHousehold, 20), (Scheme.TroubledFamilies, 30), (Scheme.AdultTreatment, 10), (Scheme.YoungPeopleTreatment, 5)]),
        (25, [(Scheme.AdultTreatment, 60), (Scheme.YoungPeopleTreatment, 25), (Scheme.Iom, 10), (Scheme.Fit, 5)]),
    ];

    private static readonly string[] OtherFamilyRecipients = ["HOUSING", "CSC", "DAAT"];

    private static readonly Scheme[] FamilySchemes = [Scheme.Fit, Scheme.HighImpactHousehold, Scheme.TroubledFamilies];

    private readonly Random _random = new(seed);
    private readonly DateTimeOffsetToBinaryConverter _instants = new();
    private readonly DateTimeOffset _now = DateTimeOffset.UtcNow;
    private readonly Dictionary<string, Guid[]> _users = [];
    private Func<Guid, string> _guidText = g => throw new InvalidOperationException("Guid encoding not probed yet");

    private DateOnly Today => DateOnly.FromDateTime(_now.UtcDateTime);

    public async Task<DataManifest> GenerateAsync(string path, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }

        foreach (var (code, _, _) in DemoPartnership.Agencies)
        {
            _users[code] = Enumerable.Range(0, 20).Select(_ => NextGuid(_now)).ToArray();
        }

        using var host = new BenchmarkHost(path);
        using (var session = host.Open(Actor.System))
        {
            await DatabaseMigrator.MigrateAsync(session.Db, cancellationToken);
            await AddAgenciesAndAgreementsAsync(session.Db, cancellationToken);
            await ProbeEncodingsAsync(session.Db, cancellationToken);
        }

        var sample = await BulkInsertAsync(path, cancellationToken);
        var rebuild = Stopwatch.StartNew();
        using (var session = host.Open(Actor.System))
        {
            // People, cases and consents went in around EF, so their sharing rights are worked out here, in full.
            await session.Db.RebuildSharingRightsAsync(cancellationToken);
            rebuild.Stop();
            await AddBreakGlassGrantsAsync(session.Db, sample, cancellationToken);
        }

        return await SummariseAsync(path, seed, stopwatch, rebuild.Elapsed, cancellationToken);
    }

    private async Task AddAgenciesAndAgreementsAsync(CaseDbContext db, CancellationToken cancellationToken)
    {
        foreach (var (code, name, schemes) in DemoPartnership.Agencies)
        {
            db.Agencies.Add(Agency.Register(AgencyCode.Parse(code), name, schemes, _now));
        }

        var ig = _users["COUNCIL"][0];
        var since = Today.AddYears(-2);
        SharingAgreement Agreement(string name, string[] agencies, DataCategory[] categories, Scheme[] purposes, bool consent, DateOnly from, DateOnly? to) =>
            SharingAgreement.Create(
                new SharingAgreementTerms(name, agencies.Select(AgencyCode.Parse).ToList(), categories, purposes, LawfulBasis.PublicTask, null, "Crime and Disorder Act 1998 s115", consent, from, to),
                ig,
                _now);

        db.SharingAgreements.AddRange(
            Agreement("IOM: offending information between police and probation", ["POLICE", "PROBATION"],
                [DataCategory.Identity, DataCategory.Offending], [Scheme.Iom], consent: false, since, null),
            Agreement("Think Family: whole-family working with consent", ["FIT", "HOUSING", "CSC", "DAAT"],
                [DataCategory.Identity, DataCategory.ChildrenSafeguarding, DataCategory.EducationEmploymentBenefits, DataCategory.HealthSubstanceMisuse],
                [Scheme.Fit, Scheme.HighImpactHousehold, Scheme.TroubledFamilies], consent: true, since, null),
            Agreement("Adult recovery: treatment services with consent", ["DAAT", "NECA"],
                [DataCategory.Identity, DataCategory.HealthSubstanceMisuse], [Scheme.AdultTreatment], consent: true, since, null),
            Agreement("Troubled Families outcomes for payment by results", ["COUNCIL", "FIT", "HOUSING", "CSC", "YOS"],
                [DataCategory.Identity, DataCategory.EducationEmploymentBenefits], [Scheme.TroubledFamilies], consent: false, since, null),
            Agreement("Youth justice pilot (ended)", ["YOS", "POLICE", "SWITCH"],
                [DataCategory.Identity, DataCategory.Offending], [Scheme.Fit, Scheme.TroubledFamilies], consent: false, Today.AddYears(-4), Today.AddYears(-1)));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Reads back a row EF wrote and checks how it encoded a Guid, a DateOnly and a DateTimeOffset, so that the raw
    /// inserts below write exactly what EF would (and what its queries compare against).
    /// </summary>
    private async Task ProbeEncodingsAsync(CaseDbContext db, CancellationToken cancellationToken)
    {
        var agreement = await db.SharingAgreements.AsNoTracking().OrderBy(a => a.Name).FirstAsync(cancellationToken);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT Id, ValidFrom, CreatedAt FROM SharingAgreements WHERE Name = $name";
            command.Parameters.AddWithValue("$name", agreement.Name);
            using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            var id = reader.GetString(0);
            var guid = agreement.Id.Value;
            var upper = guid.ToString("D").ToUpperInvariant();
            _guidText = string.Equals(id, upper, StringComparison.Ordinal)
                ? g => g.ToString("D").ToUpperInvariant()
                : string.Equals(id, guid.ToString("D"), StringComparison.Ordinal)
                    ? g => g.ToString("D")
                    : throw new InvalidOperationException($"EF stored Guid {guid} as '{id}': the generator does not know this encoding.");
            Expect(reader.GetString(1), Date(agreement.ValidFrom), "DateOnly");
            Expect(reader.GetInt64(2), Instant(agreement.CreatedAt), "DateTimeOffset");
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        static void Expect<T>(T stored, T ours, string what)
        {
            if (!EqualityComparer<T>.Default.Equals(stored, ours))
            {
                throw new InvalidOperationException($"EF stored a {what} as '{stored}', the generator would write '{ours}'.");
            }
        }
    }

    /// <summary>People, cases and consents in one transaction; returns a sample of people for break-glass grants.</summary>
    private async Task<List<(PersonId Person, bool Offender)>> BulkInsertAsync(string path, CancellationToken cancellationToken)
    {
        var sample = new List<(PersonId, bool)>();
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, ForeignKeys = true }.ToString());
        await connection.OpenAsync(cancellationToken);
        using (var pragma = connection.CreateCommand())
        {
            // Nothing here needs to survive a crash: a half-made file is made again.
            pragma.CommandText = "PRAGMA synchronous=OFF; PRAGMA cache_size=-262144;";
            await pragma.ExecuteNonQueryAsync(cancellationToken);
        }

        using var transaction = connection.BeginTransaction();
        var insertPerson = Prepare(connection, transaction, "People",
            "Id", "OwnerAgency", "DataCategory", "GivenName", "FamilyName", "DateOfBirth", "Gender", "Address", "CreatedAt", "CreatedBy",
            "SearchName", "Crn", "NhsNumber", "Pnc", "Upn", "Version");
        var insertCase = Prepare(connection, transaction, "Cases",
            "Id", "PersonId", "Scheme", "OwnerAgency", "DataCategory", "Status", "StartDate", "ExitedOn", "AllocatedTo", "CreatedAt", "Version");
        var insertConsent = Prepare(connection, transaction, "Consents",
            "Id", "PersonId", "OwnerAgency", "DataCategory", "Purpose", "Status", "GivenBy", "RecordedOn", "ReviewOn", "Evidence", "RecordedBy",
            "WithdrawnAt", "WithdrawnBy", "WithdrawalReason", "Version");
        var insertRecipient = Prepare(connection, transaction, "ConsentRecipients", "ConsentId", "Agency");
        var insertCategory = Prepare(connection, transaction, "ConsentCategories", "ConsentId", "Category");
        var inserts = new Inserts(insertPerson, insertCase, insertConsent, insertRecipient, insertCategory);

        for (var index = 0; index < people; index++)
        {
            var (personId, offender) = index switch
            {
                0 => (AddIomNominal(inserts), true),
                1 => (AddFamilyMember(inserts), false),
                _ => AddPerson(inserts),
            };
            if (index % 50 == 7)
            {
                sample.Add((personId, offender));
            }
        }

        await transaction.CommitAsync(cancellationToken);
        using (var finish = connection.CreateCommand())
        {
            finish.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await finish.ExecuteNonQueryAsync(cancellationToken);
        }

        return sample;
    }

    private (PersonId, bool Offender) AddPerson(Inserts inserts)
    {
        var roll = _random.Next(100);
        var cohort = roll < Cohorts[0].Share ? 0 : roll < Cohorts[0].Share + Cohorts[1].Share ? 1 : 2;
        var cases = new List<CaseRow>(casesPerPerson);
        for (var i = 0; i < casesPerPerson; i++)
        {
            var scheme = Pick(Cohorts[cohort].Schemes);
            var owner = Pick(Owners[scheme]);
            var status = _random.Next(100) switch
            {
                < 22 => CaseStatus.Active,
                < 25 => CaseStatus.ExitNominated,
                _ => CaseStatus.Exited,
            };
            DateOnly start;
            DateOnly? exited = null;
            if (status == CaseStatus.Exited)
            {
                start = Today.AddDays(-_random.Next(60, 3000));
                var end = start.AddDays(_random.Next(30, 720));
                exited = end < Today ? end : Today.AddDays(-1);
            }
            else
            {
                start = Today.AddDays(-_random.Next(0, 900));
            }

            cases.Add(new CaseRow(scheme, owner, status, start, exited));
        }

        var personId = WritePerson(inserts, GivenNames[_random.Next(GivenNames.Length)], FamilyNames[_random.Next(FamilyNames.Length)], cases, cohort == 0);
        foreach (var scheme in cases.Where(c => c.Status != CaseStatus.Exited).Select(c => c.Scheme).Distinct())
        {
            if (FamilySchemes.Contains(scheme))
            {
                AddFamilyConsent(inserts, personId, scheme);
            }
            else if (scheme == Scheme.AdultTreatment && _random.Next(2) == 0)
            {
                WriteConsent(inserts, personId, scheme, "DAAT", ConsentStatus.Given, Today.AddDays(-_random.Next(0, 450)), ["DAAT", "NECA"],
                    [DataCategory.Identity, DataCategory.HealthSubstanceMisuse]);
            }
        }

        return (personId, cohort == 0);
    }

    /// <summary>
    /// Think Family consent as the partnership records it: given for about half the families (a fifth of those past
    /// review), refused or withdrawn for some, not yet asked for the rest.
    /// </summary>
    private void AddFamilyConsent(Inserts inserts, PersonId personId, Scheme scheme)
    {
        var roll = _random.Next(100);
        if (roll >= 75)
        {
            return;
        }

        var status = roll < 55 ? ConsentStatus.Given : roll < 65 ? ConsentStatus.Refused : ConsentStatus.Withdrawn;
        var recipients = new List<string> { "FIT" };
        recipients.AddRange(OtherFamilyRecipients.Where(_ => _random.Next(100) < 80));
        var categories = new List<DataCategory> { DataCategory.Identity, DataCategory.ChildrenSafeguarding };
        if (_random.Next(2) == 0)
        {
            categories.Add(DataCategory.HealthSubstanceMisuse);
        }

        if (_random.Next(100) < 40)
        {
            categories.Add(DataCategory.EducationEmploymentBenefits);
        }

        WriteConsent(inserts, personId, scheme, "FIT", status, Today.AddDays(-_random.Next(0, 450)), recipients, categories);
    }

    /// <summary>The probation reader's timeline subject: an IOM nominal with police, probation, treatment and family cases.</summary>
    private PersonId AddIomNominal(Inserts inserts)
    {
        CaseRow Open(Scheme scheme, string owner, int daysAgo) => new(scheme, owner, CaseStatus.Active, Today.AddDays(-daysAgo), null);
        CaseRow Closed(Scheme scheme, string owner, int daysAgo) => new(scheme, owner, CaseStatus.Exited, Today.AddDays(-daysAgo), Today.AddDays(-daysAgo + 200));
        return WritePerson(inserts, "Nominal", Readers.IomNominal,
        [
            Open(Scheme.Iom, "POLICE", 120), Closed(Scheme.Iom, "PROBATION", 1500), Open(Scheme.AdultTreatment, "DAAT", 100),
            Closed(Scheme.AdultTreatment, "NECA", 900), Closed(Scheme.TroubledFamilies, "COUNCIL", 2000), Closed(Scheme.Fit, "FIT", 2200),
            Open(Scheme.Iom, "DAAT", 90), Closed(Scheme.Iom, "POLICE", 1200), Closed(Scheme.YoungPeopleTreatment, "SWITCH", 2900),
            Open(Scheme.Iom, "PROBATION", 60),
        ], offender: true);
    }

    /// <summary>The FIT reader's timeline subject: a family member with Think Family consent and cases across the partnership.</summary>
    private PersonId AddFamilyMember(Inserts inserts)
    {
        CaseRow Open(Scheme scheme, string owner, int daysAgo) => new(scheme, owner, CaseStatus.Active, Today.AddDays(-daysAgo), null);
        CaseRow Closed(Scheme scheme, string owner, int daysAgo) => new(scheme, owner, CaseStatus.Exited, Today.AddDays(-daysAgo), Today.AddDays(-daysAgo + 200));
        var personId = WritePerson(inserts, "Family", Readers.FamilyMember,
        [
            Open(Scheme.Fit, "FIT", 150), Open(Scheme.HighImpactHousehold, "HOUSING", 140), Open(Scheme.TroubledFamilies, "CSC", 130),
            Open(Scheme.AdultTreatment, "DAAT", 120), Closed(Scheme.TroubledFamilies, "YOS", 1000), Open(Scheme.Fit, "EVOLUTION", 110),
            Open(Scheme.TroubledFamilies, "COUNCIL", 100), Closed(Scheme.HighImpactHousehold, "FIT", 1300), Closed(Scheme.Iom, "POLICE", 1600),
            Closed(Scheme.YoungPeopleTreatment, "SWITCH", 2500),
        ], offender: false);
        WriteConsent(inserts, personId, Scheme.Fit, "FIT", ConsentStatus.Given, Today.AddDays(-60), ["FIT", "HOUSING", "CSC", "DAAT"],
            [DataCategory.Identity, DataCategory.ChildrenSafeguarding, DataCategory.HealthSubstanceMisuse]);
        WriteConsent(inserts, personId, Scheme.TroubledFamilies, "FIT", ConsentStatus.Withdrawn, Today.AddDays(-300), ["FIT", "HOUSING"],
            [DataCategory.Identity, DataCategory.ChildrenSafeguarding]);
        return personId;
    }

    private PersonId WritePerson(Inserts inserts, string given, string family, IReadOnlyList<CaseRow> cases, bool offender)
    {
        var createdAt = At(cases.Min(c => c.Start));
        var personId = new PersonId(NextGuid(createdAt));
        var owner = cases[0].Owner;
        var person = inserts.Person.Parameters;
        person["$Id"].Value = _guidText(personId.Value);
        person["$OwnerAgency"].Value = owner;
        person["$DataCategory"].Value = nameof(DataCategory.Identity);
        person["$GivenName"].Value = given;
        person["$FamilyName"].Value = family;
        person["$DateOfBirth"].Value = Date(Today.AddDays(-_random.Next(12 * 365, 60 * 365)));
        person["$Gender"].Value = _random.Next(2) == 0 ? "Male" : "Female";
        person["$Address"].Value = $"{_random.Next(1, 200)} {Streets[_random.Next(Streets.Length)]}, Darlington";
        person["$CreatedAt"].Value = Instant(createdAt);
        person["$CreatedBy"].Value = _guidText(User(owner));
        person["$SearchName"].Value = $"{given} {family}".ToUpperInvariant();
        person["$Crn"].Value = DBNull.Value;
        person["$NhsNumber"].Value = DBNull.Value;
        person["$Pnc"].Value = offender ? $"{_random.Next(100):D2}/{_random.Next(1_000_000):D6}{(char)('A' + _random.Next(26))}" : DBNull.Value;
        person["$Upn"].Value = DBNull.Value;
        person["$Version"].Value = 0;
        inserts.Person.ExecuteNonQuery();

        var row = inserts.Case.Parameters;
        foreach (var item in cases)
        {
            var at = At(item.Start);
            row["$Id"].Value = _guidText(NextGuid(at));
            row["$PersonId"].Value = _guidText(personId.Value);
            row["$Scheme"].Value = item.Scheme.ToString();
            row["$OwnerAgency"].Value = item.Owner;
            row["$DataCategory"].Value = Case.CategoryOf(item.Scheme).ToString();
            row["$Status"].Value = item.Status.ToString();
            row["$StartDate"].Value = Date(item.Start);
            row["$ExitedOn"].Value = item.ExitedOn is { } exited ? Date(exited) : DBNull.Value;
            row["$AllocatedTo"].Value = _guidText(User(item.Owner));
            row["$CreatedAt"].Value = Instant(at);
            row["$Version"].Value = item.Status == CaseStatus.Active ? 0 : 1;
            inserts.Case.ExecuteNonQuery();
        }

        return personId;
    }

    private void WriteConsent(Inserts inserts, PersonId personId, Scheme purpose, string owner, ConsentStatus status, DateOnly recordedOn,
        IReadOnlyList<string> recipients, IReadOnlyList<DataCategory> categories)
    {
        var consentId = NextGuid(At(recordedOn));
        var withdrawn = status == ConsentStatus.Withdrawn ? (DateTimeOffset?)At(recordedOn.AddDays(_random.Next(1, 60))) : null;
        var row = inserts.Consent.Parameters;
        row["$Id"].Value = _guidText(consentId);
        row["$PersonId"].Value = _guidText(personId.Value);
        row["$OwnerAgency"].Value = owner;
        row["$DataCategory"].Value = nameof(DataCategory.Identity);
        row["$Purpose"].Value = purpose.ToString();
        row["$Status"].Value = status.ToString();
        row["$GivenBy"].Value = (_random.Next(5) == 0 ? ConsentGivenBy.ParentalResponsibility : ConsentGivenBy.Self).ToString();
        row["$RecordedOn"].Value = Date(recordedOn);
        row["$ReviewOn"].Value = Date(recordedOn.AddMonths(12));
        row["$Evidence"].Value = "Signed consent form on file";
        row["$RecordedBy"].Value = _guidText(User(owner));
        row["$WithdrawnAt"].Value = withdrawn is { } at ? Instant(at) : DBNull.Value;
        row["$WithdrawnBy"].Value = withdrawn is null ? DBNull.Value : _guidText(User(owner));
        row["$WithdrawalReason"].Value = withdrawn is null ? DBNull.Value : "Asked us to stop sharing";
        row["$Version"].Value = withdrawn is null ? 0 : 1;
        inserts.Consent.ExecuteNonQuery();

        inserts.Recipient.Parameters["$ConsentId"].Value = _guidText(consentId);
        foreach (var agency in recipients)
        {
            inserts.Recipient.Parameters["$Agency"].Value = agency;
            inserts.Recipient.ExecuteNonQuery();
        }

        inserts.Category.Parameters["$ConsentId"].Value = _guidText(consentId);
        foreach (var category in categories)
        {
            inserts.Category.Parameters["$Category"].Value = category.ToString();
            inserts.Category.ExecuteNonQuery();
        }
    }

    /// <summary>A few thousand grants over the years, a handful still live, including one for each benchmark reader.</summary>
    private async Task AddBreakGlassGrantsAsync(CaseDbContext db, List<(PersonId Person, bool Offender)> sample, CancellationToken cancellationToken)
    {
        var agencies = _users.Keys.ToArray();
        foreach (var (person, _) in sample)
        {
            var agency = agencies[_random.Next(agencies.Length)];
            var live = _random.Next(100) < 5;
            var at = live ? _now.AddHours(-_random.Next(1, 12)) : _now.AddDays(-_random.Next(2, 700));
            db.BreakGlassGrants.Add(BreakGlassGrant.Grant(person, User(agency), AgencyCode.Parse(agency),
                "Police reported an immediate risk to a child at the address", RiskCategory.ChildAtRisk, TimeSpan.FromHours(24), at));
        }

        db.BreakGlassGrants.Add(BreakGlassGrant.Grant(sample.First(s => !s.Offender).Person, Readers.ProbationOfficerId, AgencyCode.Parse("PROBATION"),
            "Nominal reported living at this family's address tonight", RiskCategory.DomesticAbuse, TimeSpan.FromHours(24), _now.AddHours(-1)));
        db.BreakGlassGrants.Add(BreakGlassGrant.Grant(sample.First(s => s.Offender).Person, Readers.FitKeyworkerId, AgencyCode.Parse("FIT"),
            "Threat of violence against the children reported this evening", RiskCategory.ChildAtRisk, TimeSpan.FromHours(24), _now.AddHours(-1)));
        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task<DataManifest> SummariseAsync(string path, int seed, Stopwatch stopwatch, TimeSpan sharingRightsRebuild, CancellationToken cancellationToken)
    {
        using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync(cancellationToken);
        int Count(string sql)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }

        return new DataManifest(
            DateTimeOffset.UtcNow,
            BenchmarkData.GeneratorVersion,
            seed,
            Count("SELECT COUNT(*) FROM Agencies"),
            Count("SELECT COUNT(*) FROM People"),
            Count("SELECT COUNT(*) FROM Cases"),
            Count("SELECT COUNT(*) FROM Cases WHERE Status <> 'Exited'"),
            Count("SELECT COUNT(*) FROM SharingAgreements"),
            Count("SELECT COUNT(*) FROM Consents"),
            Count("SELECT COUNT(*) FROM ConsentRecipients"),
            Count("SELECT COUNT(*) FROM ConsentCategories"),
            Count("SELECT COUNT(*) FROM BreakGlassGrants"),
            Count("SELECT COUNT(*) FROM SharingRights"),
            sharingRightsRebuild,
            stopwatch.Elapsed);
    }

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, string table, params string[] columns)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select(c => "$" + c))})";
        foreach (var column in columns)
        {
            command.Parameters.Add(new SqliteParameter("$" + column, null));
        }

        command.Prepare();
        return command;
    }

    private T Pick<T>((T Value, int Weight)[] choices)
    {
        var roll = _random.Next(choices.Sum(c => c.Weight));
        foreach (var (value, weight) in choices)
        {
            if (roll < weight)
            {
                return value;
            }

            roll -= weight;
        }

        throw new UnreachableException();
    }

    private Guid User(string agency) => _users[agency][_random.Next(_users[agency].Length)];

    /// <summary>A version 7 Guid as Guid.CreateVersion7 makes, but from the seeded generator so that every run makes the same data.</summary>
    private Guid NextGuid(DateTimeOffset at)
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        var milliseconds = at.ToUnixTimeMilliseconds();
        for (var i = 0; i < 6; i++)
        {
            bytes[i] = (byte)(milliseconds >> (8 * (5 - i)));
        }

        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x70);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }

    private static DateTimeOffset At(DateOnly day) => new(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);

    private static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private long Instant(DateTimeOffset at) => (long)_instants.ConvertToProvider(at)!;

    private sealed record CaseRow(Scheme Scheme, string Owner, CaseStatus Status, DateOnly Start, DateOnly? ExitedOn);

    private sealed record Inserts(SqliteCommand Person, SqliteCommand Case, SqliteCommand Consent, SqliteCommand Recipient, SqliteCommand Category);
}
