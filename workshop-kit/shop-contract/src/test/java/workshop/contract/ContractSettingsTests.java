package workshop.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ContractSettingsTests {

	private final String declineAbove = System.getProperty("shop.contract.decline-above");

	@AfterEach
	void restoreProperty() {
		if (this.declineAbove == null) {
			System.clearProperty("shop.contract.decline-above");
		}
		else {
			System.setProperty("shop.contract.decline-above", this.declineAbove);
		}
	}

	@Test
	void readsPaymentLimitFromSystemProperty() {
		System.setProperty("shop.contract.decline-above", "2500");

		assertThat(ContractSettings.declineAbove()).isEqualTo(2500);
	}

	@Test
	void explainsHowToFixAnUnusablePaymentLimit() {
		for (String limit : new String[] { "lots", "0", "100000001" }) {
			System.setProperty("shop.contract.decline-above", limit);

			assertThatIllegalArgumentException().isThrownBy(ContractSettings::declineAbove)
				.withMessageContaining("'" + limit + "'")
				.withMessageContaining("shop.payments.decline-above");
		}
	}

}
