using CaseManager.Domain.Households;
using CaseManager.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseManager.Infrastructure.Persistence.Configurations;

internal sealed class HouseholdConfiguration : IEntityTypeConfiguration<Household>
{
    public void Configure(EntityTypeBuilder<Household> builder)
    {
        builder.ToTable("Households");
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Name).HasMaxLength(200);
        builder.Property(h => h.Address).HasMaxLength(500);
        builder.Property(h => h.Version).IsConcurrencyToken();
        builder.OwnsMany(h => h.Members, members =>
        {
            members.ToTable("HouseholdMembers");
            members.WithOwner().HasForeignKey("HouseholdId");
            members.HasKey(m => m.Id);
            members.Property(m => m.Id).ValueGeneratedNever();
            members.Property(m => m.Relationship).HasConversion<string>().HasMaxLength(20);
            members.HasOne<Person>().WithMany().HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Restrict);

            // "Which households was this person in, and when?": asked by a person's page and by the upkeep of
            // sharing rights for family cases (DOMAIN.md IS7b).
            members.HasIndex(m => new { m.PersonId, m.From });
        });
        builder.Navigation(h => h.Members).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(h => h.OwnerAgency);
    }
}
