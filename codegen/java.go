package codegen

import (
	"fmt"
	"io"
	"strings"

	"plaidwalk/sessions"
)

const javaPrelude = `import com.google.gson.Gson;
import com.plaid.client.ApiClient;
import com.plaid.client.model.*;
import com.plaid.client.request.PlaidApi;
import java.util.Arrays;
import java.util.HashMap;
import java.util.concurrent.Callable;
import retrofit2.Call;
import retrofit2.Response;

public class Walk {
  static final Gson GSON = new Gson();

  // show prints a token the walk made: its last four characters unless PLAIDWALK_REVEAL=1.
  static void show(String name, String token) {
    boolean reveal = "1".equals(System.getenv("PLAIDWALK_REVEAL"));
    System.out.println(name + ": " + (reveal || token.length() <= 4 ? token : "\u2026" + token.substring(token.length() - 4)));
  }

  // check stops the program on a failed call, printing Plaid's error from the response body.
  static <T> T check(String call, Response<T> response) throws Exception {
    if (response.isSuccessful()) return response.body();
    PlaidError error = GSON.fromJson(response.errorBody().string(), PlaidError.class);
    System.err.println(call + ": Plaid error " + error.getErrorType() + " " + error.getErrorCode() + ": " + error.getErrorMessage() + " (request_id " + error.getRequestId() + ")");
    System.exit(1);
    return null;
  }

  // poll makes a call again while Plaid answers PRODUCT_NOT_READY (an Asset Report being made).
  static <T> Response<T> poll(Callable<Call<T>> call) throws Exception {
    for (int attempt = 1; ; attempt++) {
      Response<T> response = call.call().execute();
      if (response.isSuccessful() || attempt >= 60) return response;
      String body = response.errorBody().string();
      if (!"PRODUCT_NOT_READY".equals(GSON.fromJson(body, PlaidError.class).getErrorCode())) {
        return Response.error(response.code(), okhttp3.ResponseBody.create(body, okhttp3.MediaType.get("application/json")));
      }
      Thread.sleep(1000);
    }
  }

  static HashMap<String, Object> map(Object... kv) {
    HashMap<String, Object> m = new HashMap<>();
    for (int i = 0; i + 1 < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
    return m;
  }

  public static void main(String[] args) throws Exception {
    String clientId = System.getenv("PLAID_CLIENT_ID"), secret = System.getenv("PLAID_SECRET");
    if (clientId == null || secret == null) {
      System.err.println("set PLAID_CLIENT_ID and PLAID_SECRET to your Plaid keys");
      System.exit(2);
    }
    HashMap<String, String> keys = new HashMap<>();
    keys.put("clientId", clientId);
    keys.put("secret", secret);
    ApiClient apiClient = new ApiClient(keys);
    String base = System.getenv("PLAID_BASE_URL");
    apiClient.setPlaidAdapter(base != null && !base.isEmpty() ? base.replaceAll("/$", "") + "/"
        : "production".equals(System.getenv("PLAID_ENV")) ? ApiClient.Production : ApiClient.Sandbox);
    PlaidApi plaidClient = apiClient.createService(PlaidApi.class);
`

func writeJava(w io.Writer, p *program) {
	fmt.Fprintf(w, "// %s\n//\n// Repeats the walk with Plaid's Java library (com.plaid:plaid-java, built from API %s).\n"+
		"// Save it as Walk.java in a project that depends on plaid-java and run it with\n"+
		"// PLAID_CLIENT_ID and PLAID_SECRET set. PLAID_ENV picks sandbox (default) or production;\n"+
		"// PLAID_BASE_URL, when set, is the host instead ('plaidwalk emulator' prints one).\n"+
		"// Tokens print masked unless PLAIDWALK_REVEAL=1.\n\n", p.header, specAPIVersion)
	io.WriteString(w, javaPrelude)
	for _, v := range vars {
		fmt.Fprintf(w, "    String %s = null;\n", varName(v, "java"))
	}
	for _, st := range p.steps {
		writeJavaStep(w, st)
	}
	io.WriteString(w, "  }\n}\n")
}

func writeJavaStep(w io.Writer, st step) {
	io.WriteString(w, "\n")
	for _, l := range stepNote(st) {
		fmt.Fprintf(w, "    // %s\n", l)
	}
	io.WriteString(w, "    {\n")
	fmt.Fprintf(w, "      %s request = %s;\n", st.op.Request, javaValue(st.req, "      "))
	call := fmt.Sprintf("plaidClient.%s(request)", lowerCamel(st.op.ID))
	switch st.Kind {
	case sessions.StepExpect:
		fmt.Fprintf(w, "      Response<?> response = %s.execute();\n"+
			"      if (!response.isSuccessful()) System.err.println(\"as in the session: \" + response.code());\n    }\n", call)
		return
	case sessions.StepPoll:
		fmt.Fprintf(w, "      var response = check(%s, poll(() -> %s));\n", javaString(st.Path), call)
	default:
		fmt.Fprintf(w, "      var response = check(%s, %s.execute());\n", javaString(st.Path), call)
	}
	for _, o := range st.Sets {
		fmt.Fprintf(w, "      %s = response.get%s();\n", varName(o.Var, "java"), pascal(o.Field))
		if o.Var != "ASSET_REPORT_ID" && o.Field != st.PartnerToken {
			fmt.Fprintf(w, "      show(\"%s\", %s);\n", o.Field, varName(o.Var, "java"))
		}
	}
	if a := st.Account; a != nil {
		fmt.Fprintf(w, "      for (AccountBase a : response.getAccounts()) {\n"+
			"        if ((%s.isEmpty() || %s.equals(a.getMask())) && (%s.isEmpty() || %s.equals(a.getName()))) { accountId = a.getAccountId(); break; }\n      }\n",
			javaString(a.Mask), javaString(a.Mask), javaString(a.Name), javaString(a.Name))
		fmt.Fprintf(w, "      if (accountId == null) { System.err.println(%s); System.exit(1); }\n", javaString("no account "+a.Label()+" in this Item"))
	}
	if f := st.PartnerToken; f != "" {
		fmt.Fprintf(w, "      show(\"partner token: %s\", response.get%s());\n", f, pascal(f))
	}
	io.WriteString(w, "    }\n")
}

// javaValue is v as a Java expression with plaid-java's model classes and fluent setters.
func javaValue(v value, indent string) string {
	switch v.kind {
	case kString:
		if v.enum() {
			return v.typ + ".fromValue(" + javaString(v.str) + ")"
		}
		return javaString(v.str)
	case kNumber:
		if v.typ == "number" {
			return "Double.valueOf(" + javaString(v.str) + ")"
		}
		return v.str
	case kBool:
		return v.str
	case kRef:
		return varName(sessions.Ref(v.str), "java")
	case kList:
		parts := make([]string, len(v.items))
		for i, it := range v.items {
			parts[i] = javaValue(it, indent)
		}
		return "Arrays.asList(" + strings.Join(parts, ", ") + ")"
	case kObject:
		var b strings.Builder
		b.WriteString("new " + v.typ + "()")
		for _, f := range v.fields {
			fmt.Fprintf(&b, "\n%s    .%s(%s)", indent, lowerCamel(f.name), javaValue(f.val, indent+"    "))
		}
		return b.String()
	case kMap:
		parts := make([]string, len(v.fields))
		for i, f := range v.fields {
			parts[i] = javaString(f.name) + ", " + javaValue(f.val, indent)
		}
		return "map(" + strings.Join(parts, ", ") + ")"
	}
	return "null"
}
