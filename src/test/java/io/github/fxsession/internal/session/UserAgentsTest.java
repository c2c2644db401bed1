package io.github.fxsession.internal.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class UserAgentsTest {

    @Test
    void eachNextLanguageGetsAQualityOneTenthLower() {
        assertThat(UserAgents.acceptLanguageHeader("en-US,fr,de")).isEqualTo("en-US,fr;q=0.9,de;q=0.8");
    }

    @Test
    void languagesAfterTheTenthStayAtTheLowestQuality() {
        String header = UserAgents.acceptLanguageHeader("aa,ab,ac,ad,ae,af,ag,ah,ai,aj,ak,al");

        assertThat(header).isEqualTo("aa,ab;q=0.9,ac;q=0.8,ad;q=0.7,ae;q=0.6,af;q=0.5,ag;q=0.4,ah;q=0.3,ai;q=0.2,"
                + "aj;q=0.1,ak;q=0.1,al;q=0.1");
    }

    @Test
    void spacesAroundLanguagesAreTrimmed() {
        assertThat(UserAgents.acceptLanguageHeader(" en-US ,\tfr ")).isEqualTo("en-US,fr;q=0.9");
    }

    @Test
    void repeatedLanguagesKeepTheirFirstPlace() {
        assertThat(UserAgents.acceptLanguageHeader("en-US,fr,en-US,de,fr")).isEqualTo("en-US,fr;q=0.9,de;q=0.8");
    }

    @Test
    void aLanguageWithASpaceInsideIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> UserAgents.acceptLanguageHeader("fr,en US"));

        assertThat(e).hasMessage("acceptLanguages must be a comma-separated list of language codes such as"
                + " \"en-US,fr\"; 'en US' is not one: 'fr,en US'");
    }

    @Test
    void aLanguageWithItsOwnQualityIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> UserAgents.acceptLanguageHeader("fr;q=1"));

        assertThat(e).hasMessage("acceptLanguages must be a comma-separated list of language codes such as"
                + " \"en-US,fr\"; 'fr;q=1' is not one: 'fr;q=1'");
    }

    @Test
    void anEmptyListIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> UserAgents.acceptLanguageHeader(""));

        assertThat(e).hasMessage("acceptLanguages must name at least one language: ''");
    }

    @Test
    void aListOfOnlyCommasIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> UserAgents.acceptLanguageHeader(",,"));

        assertThat(e).hasMessage("acceptLanguages must name at least one language: ',,'");
    }

    @Test
    void aPrintableAsciiHeaderValueIsReturnedUnchanged() {
        assertThat(UserAgents.requireHeaderValue("userAgent", "Mozilla/5.0 (X11)\tMyApp/1.0"))
                .isEqualTo("Mozilla/5.0 (X11)\tMyApp/1.0");
    }

    @Test
    void aHeaderValueWithCarriageReturnIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> UserAgents.requireHeaderValue("userAgent", "a\rb"));

        assertThat(e).hasMessage("userAgent must contain only printable ASCII characters, found U+000D at index 1:"
                + " 'a\\rb'");
    }

    @Test
    void aHeaderValueWithLineFeedIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> UserAgents.requireHeaderValue("acceptLanguages", "en\nX-Evil: 1"));

        assertThat(e).hasMessage("acceptLanguages must contain only printable ASCII characters, found U+000A at"
                + " index 2: 'en\\nX-Evil: 1'");
    }

    @Test
    void aHeaderValueWithNulIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> UserAgents.requireHeaderValue("userAgent", "a\0b"));

        assertThat(e).hasMessage("userAgent must contain only printable ASCII characters, found U+0000 at index 1:"
                + " 'a\\0b'");
    }

    @Test
    void aHeaderValueWithDeleteIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> UserAgents.requireHeaderValue("userAgent", "ab\u007f"));

        assertThat(e).hasMessage("userAgent must contain only printable ASCII characters, found U+007F at index 2:"
                + " 'ab\\u007f'");
    }

    @Test
    void aHeaderValueWithNonAsciiIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> UserAgents.requireHeaderValue("userAgent", "Caf\u00e9/1.0"));

        assertThat(e).hasMessage("userAgent must contain only printable ASCII characters, found U+00E9 at index 3:"
                + " 'Caf\u00e9/1.0'");
    }

    @Test
    void aHeaderValueOfOnlyLineBreaksIsReportedEscaped() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> UserAgents.requireHeaderValue("userAgent", "\r\n"));

        assertThat(e).hasMessage("userAgent must not be blank: '\\r\\n'");
    }

    @Test
    void aNullHeaderValueIsRejectedNamingTheParameter() {
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> UserAgents.requireHeaderValue("acceptLanguages", null));

        assertThat(e).hasMessage("acceptLanguages == null");
    }
}
