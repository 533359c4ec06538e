package id.jamsos.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CurrentRegionsTest {

    final CurrentRegions regions = CurrentRegions.official();

    @Test
    void offersTheThirtyEightProvincesOfTheCurrentListByName() {
        assertThat(regions.provinces()).hasSize(38);
        assertThat(regions.provinces()).extracting(CurrentRegions.Region::name).contains("Jawa Barat", "Papua Tengah")
                .isSorted();
    }

    @Test
    void eachListHoldsOnlyWhatLiesInTheChoiceAbove() {
        assertThat(regions.regencies("32")).extracting(CurrentRegions.Region::code).contains("3273", "3271")
                .allMatch(code -> code.startsWith("32") && code.length() == 4);
        assertThat(regions.districts("3273")).extracting(CurrentRegions.Region::name).contains("Coblong", "Sukasari");
        assertThat(regions.districts("3273")).extracting(CurrentRegions.Region::parentCode).containsOnly("3273");
    }

    @Test
    void codesOfEarlierListsOnlyAndMalformedCodesOfferNothing() {
        assertThat(regions.region("120428")).isEmpty(); // Ma'u: 2016 list only, still valid in an old NIK
        assertThat(RegionCodes.official().knowsDistrict("120428")).isTrue();
        assertThat(regions.regencies(null)).isEmpty();
        assertThat(regions.regencies("3273")).isEmpty();
        assertThat(regions.districts("32")).isEmpty();
        assertThat(regions.districts("<script>")).isEmpty();
    }
}
